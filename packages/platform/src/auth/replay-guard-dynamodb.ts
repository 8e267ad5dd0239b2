import { createHash } from "node:crypto";
import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  type DynamoDBClient,
  PutItemCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from "@aws-sdk/client-dynamodb";
import { idempotencyTable } from "@vigil/events";
import type { ReplayGuard } from "./replay-guard.ts";

/**
 * The replay guard every Lambda instance shares: one conditional put per signature. The put
 * succeeds when the signature was never seen, or when the remembered one is past its
 * `expiresAt` (DynamoDB TTL deletes such items eventually; the condition never relies on it).
 * Items live in a table shaped like the consumers' idempotency table (`key`, TTL `expiresAt`).
 */
export class DynamoDbReplayGuard implements ReplayGuard {
  constructor(private readonly options: { client: DynamoDBClient; tableName: string }) {}

  async firstUse(signature: string, forgetAfter: Date, now: Date): Promise<boolean> {
    const key = idempotencyTable.partitionKey.name;
    const ttl = idempotencyTable.ttlAttribute;
    try {
      await this.options.client.send(
        new PutItemCommand({
          TableName: this.options.tableName,
          Item: {
            [key]: { S: replayKey(signature) },
            // Epoch seconds, rounded up: the item is never forgotten before the signature is stale.
            [ttl]: { N: String(Math.ceil(forgetAfter.getTime() / 1000)) },
          },
          ConditionExpression: "attribute_not_exists(#k) OR #t < :now",
          ExpressionAttributeNames: { "#k": key, "#t": ttl },
          ExpressionAttributeValues: { ":now": { N: String(Math.floor(now.getTime() / 1000)) } },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}

/** Signatures are hashed: fixed-size keys, and the table holds nothing an attacker could reuse. */
export function replayKey(signature: string): string {
  return `replay#${createHash("sha256").update(signature).digest("base64url")}`;
}

/** Create the replay table (local stack, tests): `key` S, TTL on `expiresAt`. Idempotent. */
export async function createReplayTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: idempotencyTable.billingMode,
        AttributeDefinitions: [
          {
            AttributeName: idempotencyTable.partitionKey.name,
            AttributeType: idempotencyTable.partitionKey.type,
          },
        ],
        KeySchema: [{ AttributeName: idempotencyTable.partitionKey.name, KeyType: "HASH" }],
      }),
    );
  } catch (error) {
    if ((error as { name?: string }).name !== "ResourceInUseException") throw error;
  }
  await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1 }, { TableName: tableName });
  try {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: idempotencyTable.ttlAttribute, Enabled: true },
      }),
    );
  } catch {
    // Already enabled, or not supported by the emulator: correctness never depends on TTL.
  }
}
