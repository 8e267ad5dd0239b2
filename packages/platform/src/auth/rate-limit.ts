import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  GetItemCommand,
  UpdateItemCommand,
} from "@aws-sdk/client-dynamodb";
import { idempotencyTable } from "@vigil/events";

const KEY = idempotencyTable.partitionKey.name;
const TTL = idempotencyTable.ttlAttribute;

/**
 * Wrong secrets (admin token, password, registration token) counted per client address in fixed
 * windows; at `max` failures the address is refused (429) until the window ends, whatever it sends,
 * so guessing costs a window per `max` tries.
 */
export interface AttemptLimiter {
  /** Epoch ms until which `key` is blocked, or undefined. */
  blockedUntil(key: string, now: Date): Promise<number | undefined>;
  /** Count one failure for `key`. */
  fail(key: string, now: Date): Promise<void>;
}

export interface AttemptLimits {
  max: number;
  windowMs: number;
}

export const DEFAULT_ATTEMPT_LIMITS: AttemptLimits = { max: 10, windowMs: 5 * 60_000 };

const windowOf = (now: Date, windowMs: number) => Math.floor(now.getTime() / windowMs) * windowMs;

/** One process (tests, `vigil platform`). */
export function memoryAttemptLimiter(limits: AttemptLimits = DEFAULT_ATTEMPT_LIMITS): AttemptLimiter {
  const counts = new Map<string, { window: number; n: number }>();
  return {
    async blockedUntil(key, now) {
      const w = windowOf(now, limits.windowMs);
      const c = counts.get(key);
      return c && c.window === w && c.n >= limits.max ? w + limits.windowMs : undefined;
    },
    async fail(key, now) {
      const w = windowOf(now, limits.windowMs);
      const c = counts.get(key);
      if (c && c.window === w) c.n += 1;
      else counts.set(key, { window: w, n: 1 });
      if (counts.size > 10_000) for (const [k, v] of counts) if (v.window !== w) counts.delete(k);
    },
  };
}

/**
 * Shared by every Lambda instance: a counter item `attempts#<key>#<window>` in the replay table
 * (same key attribute, `expiresAt` for TTL), incremented with an atomic ADD.
 */
export class DynamoDbAttemptLimiter implements AttemptLimiter {
  constructor(
    private readonly options: { client: DynamoDBClient; tableName: string; limits?: AttemptLimits },
  ) {}

  get #limits(): AttemptLimits {
    return this.options.limits ?? DEFAULT_ATTEMPT_LIMITS;
  }

  #key(key: string, now: Date): { pk: string; window: number } {
    const window = windowOf(now, this.#limits.windowMs);
    return { pk: `attempts#${key}#${window}`, window };
  }

  async blockedUntil(key: string, now: Date): Promise<number | undefined> {
    const { pk, window } = this.#key(key, now);
    const out = await this.options.client.send(
      new GetItemCommand({
        TableName: this.options.tableName,
        Key: { [KEY]: { S: pk } },
        ConsistentRead: true,
      }),
    );
    const n = Number(out.Item?.n?.N ?? 0);
    return n >= this.#limits.max ? window + this.#limits.windowMs : undefined;
  }

  async fail(key: string, now: Date): Promise<void> {
    const { pk, window } = this.#key(key, now);
    try {
      await this.options.client.send(
        new UpdateItemCommand({
          TableName: this.options.tableName,
          Key: { [KEY]: { S: pk } },
          UpdateExpression: "ADD n :one SET #t = :exp",
          ExpressionAttributeNames: { "#t": TTL },
          ExpressionAttributeValues: {
            ":one": { N: "1" },
            ":exp": { N: String(Math.ceil((window + 2 * this.#limits.windowMs) / 1000)) },
          },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}
