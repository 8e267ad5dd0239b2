import {
  type AttributeValue,
  ConditionalCheckFailedException,
  CreateTableCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  waitUntilTableExists,
} from "@aws-sdk/client-dynamodb";
import {
  type ProjectionCheckpoint,
  ProjectionConflictError,
  type ProjectionDocument,
  type ProjectionStore,
} from "./port.ts";

const CHECKPOINT_KEY = "$checkpoint";

/** Projection documents on one DynamoDB table: `pk = <projection>`, `sk = <key>`, state as JSON. */
export class DynamoDbProjectionStore implements ProjectionStore {
  constructor(private readonly options: { client: DynamoDBClient; tableName: string }) {}

  async load<S>(projection: string, key: string): Promise<ProjectionDocument<S> | undefined> {
    const out = await this.options.client.send(
      new GetItemCommand({
        TableName: this.options.tableName,
        Key: keyOf(projection, key),
        ConsistentRead: true,
      }),
    );
    return out.Item?.doc?.S ? (JSON.parse(out.Item.doc.S) as ProjectionDocument<S>) : undefined;
  }

  async save<S>(
    projection: string,
    key: string,
    doc: ProjectionDocument<S>,
    expectedRevision: number,
  ): Promise<void> {
    try {
      await this.options.client.send(
        new PutItemCommand({
          TableName: this.options.tableName,
          Item: {
            ...keyOf(projection, key),
            doc: { S: JSON.stringify(doc) },
            revision: { N: String(doc.revision) },
          },
          ConditionExpression: expectedRevision === 0 ? "attribute_not_exists(pk)" : "revision = :r",
          ExpressionAttributeValues:
            expectedRevision === 0 ? undefined : { ":r": { N: String(expectedRevision) } },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException)
        throw new ProjectionConflictError(projection, key);
      throw error;
    }
  }

  async list<S>(
    projection: string,
    options: { keyPrefix?: string } = {},
  ): Promise<{ key: string; state: S }[]> {
    const prefix = options.keyPrefix ?? "";
    const out: { key: string; state: S }[] = [];
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const page = await this.options.client.send(
        new QueryCommand({
          TableName: this.options.tableName,
          KeyConditionExpression: prefix === "" ? "pk = :p" : "pk = :p AND begins_with(sk, :k)",
          ExpressionAttributeValues: {
            ":p": { S: projection },
            ...(prefix === "" ? {} : { ":k": { S: prefix } }),
          },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const key = item.sk?.S ?? "";
        if (key === CHECKPOINT_KEY || !item.doc?.S) continue;
        out.push({ key, state: (JSON.parse(item.doc.S) as ProjectionDocument<S>).state });
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return out;
  }

  async loadCheckpoint(projection: string): Promise<ProjectionCheckpoint | undefined> {
    const out = await this.options.client.send(
      new GetItemCommand({
        TableName: this.options.tableName,
        Key: keyOf(projection, CHECKPOINT_KEY),
        ConsistentRead: true,
      }),
    );
    return out.Item?.checkpoint?.S ? (JSON.parse(out.Item.checkpoint.S) as ProjectionCheckpoint) : undefined;
  }

  async saveCheckpoint(projection: string, checkpoint: ProjectionCheckpoint): Promise<void> {
    await this.options.client.send(
      new PutItemCommand({
        TableName: this.options.tableName,
        Item: { ...keyOf(projection, CHECKPOINT_KEY), checkpoint: { S: JSON.stringify(checkpoint) } },
      }),
    );
  }
}

function keyOf(projection: string, key: string): Record<string, AttributeValue> {
  return { pk: { S: projection }, sk: { S: key } };
}

/** Create the projection table (`pk` S, `sk` S, on demand). Waits until ACTIVE. */
export async function createProjectionTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: [
        { AttributeName: "pk", AttributeType: "S" },
        { AttributeName: "sk", AttributeType: "S" },
      ],
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
    }),
  );
  await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1 }, { TableName: tableName });
}
