import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import { type IdempotencyTableDefinition, idempotencyTable } from "../topology/idempotency-table.ts";
import {
  DEFAULT_IDEMPOTENCY_TTL_SECONDS,
  DEFAULT_LOCK_SECONDS,
  type IdempotencyClaim,
  type IdempotencyStore,
  type IdempotencyTimings,
} from "./idempotency.ts";

const IN_PROGRESS = "IN_PROGRESS";
const COMPLETED = "COMPLETED";

/**
 * Idempotency on DynamoDB: `PutItem` conditional on `attribute_not_exists(key)` (or an expired
 * lock / expired TTL, since DynamoDB deletes TTL'd items only eventually), so exactly one of two
 * concurrent deliveries gets the lock.
 */
export class DynamoDbIdempotencyStore implements IdempotencyStore {
  readonly #client: DynamoDBClient;
  readonly #table: string;
  readonly #definition: IdempotencyTableDefinition;
  readonly #lockSeconds: number;
  readonly #ttlSeconds: number;
  readonly #now: () => number;

  constructor(
    options: {
      client: DynamoDBClient;
      tableName: string;
      table?: IdempotencyTableDefinition;
    } & IdempotencyTimings,
  ) {
    this.#client = options.client;
    this.#table = options.tableName;
    this.#definition = options.table ?? idempotencyTable;
    this.#lockSeconds = options.lockSeconds ?? DEFAULT_LOCK_SECONDS;
    this.#ttlSeconds = options.ttlSeconds ?? DEFAULT_IDEMPOTENCY_TTL_SECONDS;
    this.#now = options.now ?? Date.now;
  }

  async claim(key: string): Promise<IdempotencyClaim> {
    const now = Math.floor(this.#now() / 1000);
    try {
      await this.#client.send(
        new PutItemCommand({
          TableName: this.#table,
          Item: {
            [this.#definition.partitionKey.name]: { S: key },
            status: { S: IN_PROGRESS },
            [this.#definition.ttlAttribute]: { N: String(now + this.#lockSeconds) },
          },
          ConditionExpression: "attribute_not_exists(#k) OR #until < :now",
          ExpressionAttributeNames: {
            "#k": this.#definition.partitionKey.name,
            "#until": this.#definition.ttlAttribute,
          },
          ExpressionAttributeValues: { ":now": { N: String(now) } },
          ReturnValuesOnConditionCheckFailure: "ALL_OLD",
        }),
      );
      return "acquired";
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const status =
        error.Item?.status?.S ??
        (
          await this.#client.send(
            new GetItemCommand({
              TableName: this.#table,
              Key: { [this.#definition.partitionKey.name]: { S: key } },
              ConsistentRead: true,
            }),
          )
        ).Item?.status?.S;
      return status === COMPLETED ? "completed" : "in-progress";
    }
  }

  async complete(key: string): Promise<void> {
    const now = Math.floor(this.#now() / 1000);
    await this.#client.send(
      new PutItemCommand({
        TableName: this.#table,
        Item: {
          [this.#definition.partitionKey.name]: { S: key },
          status: { S: COMPLETED },
          [this.#definition.ttlAttribute]: { N: String(now + this.#ttlSeconds) },
        },
      }),
    );
  }

  async release(key: string): Promise<void> {
    try {
      await this.#client.send(
        new DeleteItemCommand({
          TableName: this.#table,
          Key: { [this.#definition.partitionKey.name]: { S: key } },
          ConditionExpression: "#s = :inProgress",
          ExpressionAttributeNames: { "#s": "status" },
          ExpressionAttributeValues: { ":inProgress": { S: IN_PROGRESS } },
        }),
      );
    } catch (error) {
      // Already completed by another delivery, or gone: nothing to release.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}

/** Create the idempotency table (local stack, tests); idempotent. TTL is enabled where supported. */
export async function createIdempotencyTable(
  client: DynamoDBClient,
  tableName: string,
  table: IdempotencyTableDefinition = idempotencyTable,
): Promise<void> {
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: table.billingMode,
        AttributeDefinitions: [
          { AttributeName: table.partitionKey.name, AttributeType: table.partitionKey.type },
        ],
        KeySchema: [{ AttributeName: table.partitionKey.name, KeyType: "HASH" }],
      }),
    );
  } catch (error) {
    if ((error as { name?: string }).name !== "ResourceInUseException") throw error;
  }
  try {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: table.ttlAttribute, Enabled: true },
      }),
    );
  } catch {
    // Already enabled, or not supported by the emulator: correctness never depends on TTL deleting items.
  }
}
