import { createHash } from "node:crypto";
import {
  type AttributeValue,
  ConditionalCheckFailedException,
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  PutItemCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactionCanceledException,
  type TransactWriteItem,
  TransactWriteItemsCommand,
  waitUntilTableExists,
} from "@aws-sdk/client-dynamodb";
import { GetObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import type { EventEnvelope } from "../envelope/envelope.ts";
import { type EventTableDefinition, eventTable, tableKeySchema } from "../topology/event-table.ts";
import {
  AppendTooLargeError,
  ClaimCheckError,
  EventStoreError,
  ExpectedVersionConflictError,
  PayloadTooLargeError,
} from "./errors.ts";
import {
  type AppendOptions,
  type AppendResult,
  DEFAULT_READ_ALL_LIMIT,
  type EventStore,
  type ExpectedVersion,
  positionOf,
  type ReadAllOptions,
  type ReadAllResult,
  type ReadStreamOptions,
  type ReadStreamResult,
  type RecordedEvent,
  recordedAtOf,
} from "./port.ts";
import { assertAppendable, assertExpectedVersion, matchRetry } from "./shared.ts";

/** DynamoDB limits the adapter designs around. */
export const DYNAMODB_LIMITS = {
  itemBytes: 400 * 1024,
  transactionItems: 100,
  transactionBytes: 4 * 1024 * 1024,
} as const;

/** Serialized events above this go to S3; the margin leaves room for keys and attribute names. */
export const CLAIM_CHECK_THRESHOLD_BYTES = 350 * 1024;

const PK = eventTable.partitionKey.name;
const SK = eventTable.sortKey.name;
const GSI = eventTable.globalSecondaryIndexes[0];
const BUCKET = GSI?.partitionKey.name ?? "timeBucket";
const TIME_ID = GSI?.sortKey.name ?? "timeId";
const INDEX = GSI?.name ?? "by-time";

export interface DynamoDbEventStoreOptions {
  client: DynamoDBClient;
  tableName: string;
  /** Where payloads above the item limit go (claim check). Without it they are rejected. */
  claimCheck?: { s3: S3Client; bucket: string; prefix?: string };
  /**
   * readAll only returns events recorded at least this long ago (default 5000 ms), so an append
   * stamped earlier but still in flight, or not yet on the GSI, cannot be skipped by a reader
   * that already moved past its position. 0 is right for DynamoDB Local in tests only.
   */
  settleMs?: number;
  now?: () => Date;
}

interface ClaimRef {
  bucket: string;
  key: string;
  sha256: string;
  bytes: number;
}

/**
 * The event log on one DynamoDB table: `pk = streamId`, `sk = version` (1-based), the
 * envelope as a JSON string, and a GSI (`timeBucket` = UTC day, `timeId` = position) for
 * readAll. See README "Event log" for the guarantees.
 */
export class DynamoDbEventStore implements EventStore {
  readonly #client: DynamoDBClient;
  readonly #table: string;
  readonly #claim: DynamoDbEventStoreOptions["claimCheck"];
  readonly #settleMs: number;
  readonly #now: () => Date;
  #firstBucket: Promise<string> | undefined;

  constructor(options: DynamoDbEventStoreOptions) {
    this.#client = options.client;
    this.#table = options.tableName;
    this.#claim = options.claimCheck;
    this.#settleMs = options.settleMs ?? 5000;
    this.#now = options.now ?? (() => new Date());
  }

  async appendToStream(
    streamId: string,
    events: readonly EventEnvelope[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    assertAppendable(streamId, events);
    const expected: ExpectedVersion = options.expectedVersion ?? "any";
    assertExpectedVersion(expected);
    const bodies = await Promise.all(events.map((e) => this.#serialize(streamId, e)));

    let floor = ""; // recordedAt of the previous event when our clock is behind it
    for (let attempt = 0; attempt < 25; attempt++) {
      let base: number;
      if (expected === "any") {
        const last = await this.#lastItem(streamId);
        base = last?.version ?? 0;
        if (last && last.recordedAt > floor) floor = last.recordedAt;
        if (base >= events.length) {
          const retry = matchRetry(
            streamId,
            events,
            await this.#range(streamId, base - events.length + 1, base),
          );
          if (retry) return retry;
        }
      } else {
        base = expected === "no_stream" ? 0 : expected;
      }
      const now = this.#now().toISOString();
      const recordedAt = now > floor ? now : floor;
      const items = bodies.map((body, i) =>
        this.#item(streamId, base + i + 1, recordedAt, events[i] as EventEnvelope, body),
      );
      this.#assertFits(streamId, items, base > 0);

      const outcome = await this.#write(streamId, base, recordedAt, items);
      if (outcome.ok)
        return {
          streamId,
          firstVersion: base + 1,
          lastVersion: base + events.length,
          alreadyAppended: false,
        };
      if (outcome.reason === "clock-behind") {
        floor = outcome.previousRecordedAt;
        continue;
      }
      if (outcome.reason === "busy") {
        await sleep(10 * 2 ** Math.min(attempt, 6) * Math.random());
        continue;
      }
      // A version we meant to write exists, or the one before it does not.
      const retry = matchRetry(streamId, events, await this.#range(streamId, base + 1, base + events.length));
      if (retry) return retry;
      if (expected === "any") continue;
      const actual = (await this.#lastItem(streamId))?.version ?? 0;
      throw new ExpectedVersionConflictError(streamId, expected, actual);
    }
    throw new EventStoreError(
      `stream "${streamId}": gave up appending after 25 contended attempts; retry later`,
    );
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<ReadStreamResult> {
    const from = Math.max(1, options.from ?? 1);
    const to = options.to ?? Number.MAX_SAFE_INTEGER;
    const events = from <= to ? await this.#range(streamId, from, to) : [];
    const streamVersion =
      options.to === undefined && events.length > 0
        ? (events.at(-1)?.version ?? 0)
        : ((await this.#lastItem(streamId))?.version ?? 0);
    return { streamId, events, streamVersion };
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllResult> {
    const limit = options.limit ?? DEFAULT_READ_ALL_LIMIT;
    const cutoff = new Date(this.#now().getTime() - this.#settleMs).toISOString();
    const since = options.since ?? "";
    let bucket = since ? bucketOf(recordedAtOf(since)) : await this.#startBucket();
    const lastBucket = bucketOf(cutoff);
    const items: Record<string, AttributeValue>[] = [];
    let more = false;
    outer: while (bucket <= lastBucket) {
      let startKey: Record<string, AttributeValue> | undefined;
      do {
        const page = await this.#client.send(
          new QueryCommand({
            TableName: this.#table,
            IndexName: INDEX,
            KeyConditionExpression: `#b = :b AND #t > :since`,
            ExpressionAttributeNames: { "#b": BUCKET, "#t": TIME_ID },
            ExpressionAttributeValues: { ":b": { S: bucket }, ":since": { S: since || "0" } },
            Limit: limit - items.length,
            ExclusiveStartKey: startKey,
          }),
        );
        for (const item of page.Items ?? []) {
          if ((item.recordedAt?.S ?? "") > cutoff) break outer;
          items.push(item);
        }
        startKey = page.LastEvaluatedKey;
        if (items.length >= limit) {
          more = true;
          break outer;
        }
      } while (startKey);
      bucket = nextBucket(bucket);
    }
    const events = await Promise.all(items.map((i) => this.#decode(i)));
    return { events, position: events.at(-1)?.position ?? options.since, more };
  }

  async #write(
    streamId: string,
    base: number,
    recordedAt: string,
    items: Record<string, AttributeValue>[],
  ): Promise<
    | { ok: true }
    | { ok: false; reason: "conflict" | "busy" }
    | { ok: false; reason: "clock-behind"; previousRecordedAt: string }
  > {
    const condition = {
      ConditionExpression: "attribute_not_exists(#sk)",
      ExpressionAttributeNames: { "#sk": SK },
    };
    try {
      if (base === 0 && items.length === 1) {
        await this.#client.send(new PutItemCommand({ TableName: this.#table, Item: items[0], ...condition }));
        return { ok: true };
      }
      const writes: TransactWriteItem[] = [];
      if (base > 0) {
        // The previous version must exist (no gaps) and not be stamped later than us (order).
        writes.push({
          ConditionCheck: {
            TableName: this.#table,
            Key: { [PK]: { S: streamId }, [SK]: { N: String(base) } },
            ConditionExpression: "attribute_exists(#sk) AND recordedAt <= :now",
            ExpressionAttributeNames: { "#sk": SK },
            ExpressionAttributeValues: { ":now": { S: recordedAt } },
            ReturnValuesOnConditionCheckFailure: "ALL_OLD",
          },
        });
      }
      for (const Item of items) writes.push({ Put: { TableName: this.#table, Item, ...condition } });
      await this.#client.send(new TransactWriteItemsCommand({ TransactItems: writes }));
      return { ok: true };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return { ok: false, reason: "conflict" };
      if (error instanceof TransactionCanceledException) {
        const reasons = error.CancellationReasons ?? [];
        const check = base > 0 ? reasons[0] : undefined;
        const previous = check?.Item?.recordedAt?.S;
        const putFailed = reasons.slice(base > 0 ? 1 : 0).some((r) => r.Code === "ConditionalCheckFailed");
        if (!putFailed && check?.Code === "ConditionalCheckFailed" && previous && previous > recordedAt) {
          return { ok: false, reason: "clock-behind", previousRecordedAt: previous };
        }
        if (reasons.some((r) => r.Code === "ConditionalCheckFailed"))
          return { ok: false, reason: "conflict" };
        if (reasons.some((r) => r.Code === "TransactionConflict")) return { ok: false, reason: "busy" };
      }
      throw error;
    }
  }

  #assertFits(streamId: string, items: Record<string, AttributeValue>[], withCheck: boolean): void {
    const maxEvents = DYNAMODB_LIMITS.transactionItems - (withCheck ? 1 : 0);
    const bytes = items.reduce((n, i) => n + itemBytes(i), 0);
    if (items.length > maxEvents || bytes > DYNAMODB_LIMITS.transactionBytes) {
      throw new AppendTooLargeError(streamId, items.length, bytes, {
        maxEvents,
        maxBytes: DYNAMODB_LIMITS.transactionBytes,
      });
    }
  }

  async #serialize(streamId: string, event: EventEnvelope): Promise<{ json: string; ref?: ClaimRef }> {
    const json = JSON.stringify(event);
    const bytes = Buffer.byteLength(json);
    if (bytes <= CLAIM_CHECK_THRESHOLD_BYTES) return { json };
    if (!this.#claim) throw new PayloadTooLargeError(event.id, bytes, CLAIM_CHECK_THRESHOLD_BYTES);
    const data = JSON.stringify(event.data);
    const sha256 = createHash("sha256").update(data).digest("hex");
    // Keyed by stream and event id: a retried append overwrites the same object, never orphans a new one.
    const key = `${this.#claim.prefix ?? "event-payloads/"}${createHash("sha256").update(streamId).digest("hex").slice(0, 32)}/${encodeURIComponent(event.id)}.json`;
    await this.#claim.s3.send(
      new PutObjectCommand({
        Bucket: this.#claim.bucket,
        Key: key,
        Body: data,
        ContentType: "application/json",
      }),
    );
    const { data: _omitted, ...envelope } = event;
    return {
      json: JSON.stringify(envelope),
      ref: { bucket: this.#claim.bucket, key, sha256, bytes: Buffer.byteLength(data) },
    };
  }

  #item(
    streamId: string,
    version: number,
    recordedAt: string,
    event: EventEnvelope,
    body: { json: string; ref?: ClaimRef },
  ) {
    const item: Record<string, AttributeValue> = {
      [PK]: { S: streamId },
      [SK]: { N: String(version) },
      id: { S: event.id },
      type: { S: event.type },
      recordedAt: { S: recordedAt },
      [BUCKET]: { S: bucketOf(recordedAt) },
      [TIME_ID]: { S: positionOf(recordedAt, streamId, version) },
      e: { S: body.json },
    };
    if (body.ref) item.dataRef = { S: JSON.stringify(body.ref) };
    return item;
  }

  async #decode(item: Record<string, AttributeValue>): Promise<RecordedEvent> {
    const event = JSON.parse(item.e?.S ?? "{}") as EventEnvelope;
    const refJson = item.dataRef?.S;
    if (refJson) event.data = await this.#fetchClaim(JSON.parse(refJson) as ClaimRef);
    return {
      streamId: item[PK]?.S ?? "",
      version: Number(item[SK]?.N),
      recordedAt: item.recordedAt?.S ?? "",
      position: item[TIME_ID]?.S ?? "",
      event,
    };
  }

  async #fetchClaim(ref: ClaimRef): Promise<unknown> {
    if (!this.#claim)
      throw new ClaimCheckError(ref, "the store has no claimCheck S3 client configured to read it");
    let body: string;
    try {
      const out = await this.#claim.s3.send(new GetObjectCommand({ Bucket: ref.bucket, Key: ref.key }));
      body = (await out.Body?.transformToString("utf-8")) ?? "";
    } catch (error) {
      throw new ClaimCheckError(
        ref,
        `could not be read (${(error as Error).name}: ${(error as Error).message})`,
      );
    }
    if (createHash("sha256").update(body).digest("hex") !== ref.sha256) {
      throw new ClaimCheckError(
        ref,
        "content does not match the SHA-256 recorded in the log (modified or truncated)",
      );
    }
    return JSON.parse(body);
  }

  /** Strongly consistent: retry detection and expected-version checks must see the latest writes. */
  async #range(streamId: string, from: number, to: number): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const input: QueryCommandInput = {
        TableName: this.#table,
        KeyConditionExpression: "#pk = :pk AND #sk BETWEEN :from AND :to",
        ExpressionAttributeNames: { "#pk": PK, "#sk": SK },
        ExpressionAttributeValues: {
          ":pk": { S: streamId },
          ":from": { N: String(from) },
          ":to": { N: String(to) },
        },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      };
      const page = await this.#client.send(new QueryCommand(input));
      out.push(...(await Promise.all((page.Items ?? []).map((i) => this.#decode(i)))));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return out;
  }

  async #lastItem(streamId: string): Promise<{ version: number; recordedAt: string } | undefined> {
    const page = await this.#client.send(
      new QueryCommand({
        TableName: this.#table,
        KeyConditionExpression: "#pk = :pk",
        ExpressionAttributeNames: { "#pk": PK, "#sk": SK },
        ExpressionAttributeValues: { ":pk": { S: streamId } },
        ProjectionExpression: "#sk, recordedAt",
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    const item = page.Items?.[0];
    return item ? { version: Number(item[SK]?.N), recordedAt: item.recordedAt?.S ?? "" } : undefined;
  }

  /** No event is older than the table, so a full replay starts at its creation day. */
  #startBucket(): Promise<string> {
    this.#firstBucket ??= this.#client
      .send(new DescribeTableCommand({ TableName: this.#table }))
      .then((t) => bucketOf((t.Table?.CreationDateTime ?? new Date(0)).toISOString()));
    return this.#firstBucket;
  }
}

/** Day bucket of a recordedAt (`YYYY-MM-DD`): the GSI partition readAll walks in order. */
export function bucketOf(recordedAt: string): string {
  return recordedAt.slice(0, 10);
}

function nextBucket(bucket: string): string {
  return new Date(Date.parse(`${bucket}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** DynamoDB's item size: attribute names plus values (close enough for the limit checks). */
function itemBytes(item: Record<string, AttributeValue>): number {
  let n = 0;
  for (const [name, value] of Object.entries(item)) {
    n +=
      Buffer.byteLength(name) + (value.S !== undefined ? Buffer.byteLength(value.S) : (value.N?.length ?? 0));
  }
  return n;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Create the event table and its readAll GSI from the shared table definition (infra renders
 * the same definition into CloudFormation). Waits until the table is ACTIVE.
 */
export async function createEventTable(
  client: DynamoDBClient,
  tableName: string,
  definition: EventTableDefinition = eventTable,
): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      ...tableKeySchema(definition),
    }),
  );
  await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1 }, { TableName: tableName });
}
