import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  GetItemCommand,
  PutItemCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
} from "@aws-sdk/client-dynamodb";
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { CreateTopicCommand, PublishCommand, SubscribeCommand } from "@aws-sdk/client-sns";
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from "@aws-sdk/client-sqs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalAws, startLocalAws } from "../src/index.ts";

let aws: LocalAws;
beforeAll(async () => {
  aws = await startLocalAws();
});
afterAll(() => aws?.stop());

describe("local AWS stack", () => {
  it("hands out endpoints and client config for every service", () => {
    for (const service of ["sqs", "sns", "s3", "dynamodb", "ssm"] as const) {
      expect(aws.endpoints[service]).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(aws.clientConfig(service)).toMatchObject({
        region: "us-east-1",
        endpoint: aws.endpoints[service],
        credentials: { accessKeyId: "test", secretAccessKey: "test" },
      });
    }
    expect(aws.clientConfig("s3").forcePathStyle).toBe(true);
    expect(aws.clientConfig("sqs").forcePathStyle).toBeUndefined();
  });

  it("delivers an SNS message only to the queue whose filter policy matches", async () => {
    const { sns, sqs } = aws.clients;
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: "vigil-events" }));
    const subscribe = async (name: string, type: string) => {
      const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name }));
      const { Attributes } = await sqs.send(
        new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ["QueueArn"] }),
      );
      await sns.send(
        new SubscribeCommand({
          TopicArn,
          Protocol: "sqs",
          Endpoint: Attributes?.QueueArn,
          Attributes: { RawMessageDelivery: "true", FilterPolicy: JSON.stringify({ type: [type] }) },
        }),
      );
      return QueueUrl as string;
    };
    const scans = await subscribe("scans", "scan.completed");
    const reports = await subscribe("reports", "report.ingested");

    await sns.send(
      new PublishCommand({
        TopicArn,
        Message: JSON.stringify({ scanId: "s-1" }),
        MessageAttributes: { type: { DataType: "String", StringValue: "scan.completed" } },
      }),
    );

    const receive = (QueueUrl: string) =>
      sqs.send(
        new ReceiveMessageCommand({
          QueueUrl,
          WaitTimeSeconds: 1,
          MaxNumberOfMessages: 10,
          MessageAttributeNames: ["All"],
        }),
      );
    const delivered = await receive(scans);
    expect(delivered.Messages?.map((m) => m.Body)).toEqual([JSON.stringify({ scanId: "s-1" })]);
    expect(delivered.Messages?.[0]?.MessageAttributes?.type?.StringValue).toBe("scan.completed");
    expect((await receive(reports)).Messages ?? []).toEqual([]);
  });

  it("rejects a second conditional put to the same key and applies transactions atomically", async () => {
    const dynamodb = aws.clients.dynamodb;
    await dynamodb.send(
      new CreateTableCommand({
        TableName: "events",
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: [
          { AttributeName: "pk", AttributeType: "S" },
          { AttributeName: "sk", AttributeType: "N" },
        ],
        KeySchema: [
          { AttributeName: "pk", KeyType: "HASH" },
          { AttributeName: "sk", KeyType: "RANGE" },
        ],
      }),
    );
    const append = (sk: number, type: string) =>
      new PutItemCommand({
        TableName: "events",
        Item: { pk: { S: "scan#1" }, sk: { N: String(sk) }, type: { S: type } },
        ConditionExpression: "attribute_not_exists(pk)",
      });
    await dynamodb.send(append(1, "scan.started"));
    await expect(dynamodb.send(append(1, "scan.other-writer"))).rejects.toBeInstanceOf(
      ConditionalCheckFailedException,
    );

    await dynamodb.send(
      new TransactWriteItemsCommand({
        TransactItems: [2, 3].map((sk) => ({
          Put: {
            TableName: "events",
            Item: { pk: { S: "scan#1" }, sk: { N: String(sk) }, type: { S: `step-${sk}` } },
            ConditionExpression: "attribute_not_exists(pk)",
          },
        })),
      }),
    );
    // One conflicting item cancels the whole transaction: version 4 must not be written.
    await expect(
      dynamodb.send(
        new TransactWriteItemsCommand({
          TransactItems: [3, 4].map((sk) => ({
            Put: {
              TableName: "events",
              Item: { pk: { S: "scan#1" }, sk: { N: String(sk) }, type: { S: "late" } },
              ConditionExpression: "attribute_not_exists(pk)",
            },
          })),
        }),
      ),
    ).rejects.toBeInstanceOf(TransactionCanceledException);

    const get = async (sk: number) =>
      (
        await dynamodb.send(
          new GetItemCommand({ TableName: "events", Key: { pk: { S: "scan#1" }, sk: { N: String(sk) } } }),
        )
      ).Item?.type?.S;
    expect(await Promise.all([1, 2, 3, 4].map(get))).toEqual(["scan.started", "step-2", "step-3", undefined]);
  });

  it("round-trips an S3 object", async () => {
    const { s3 } = aws.clients;
    await s3.send(new CreateBucketCommand({ Bucket: "vigil-reports" }));
    const body = JSON.stringify({ findings: 3, at: "2026-01-01T00:00:00Z" });
    await s3.send(new PutObjectCommand({ Bucket: "vigil-reports", Key: "acct/1/report.json", Body: body }));
    const object = await s3.send(
      new GetObjectCommand({ Bucket: "vigil-reports", Key: "acct/1/report.json" }),
    );
    expect(await object.Body?.transformToString()).toBe(body);
  });

  it("configures extra SDK clients from clientConfig", async () => {
    const sqs = new SQSClient(aws.clientConfig("sqs"));
    try {
      const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: "from-config" }));
      expect(QueueUrl).toContain("from-config");
    } finally {
      sqs.destroy();
    }
  });
});

describe("local AWS stack without DynamoDB", () => {
  it("starts without Java, refuses a DynamoDB endpoint, and stops idempotently", async () => {
    const stack = await startLocalAws({ dynamodb: false });
    try {
      expect(stack.endpoints.dynamodb).toBeUndefined();
      expect(stack.clients.dynamodb).toBeUndefined();
      expect(() => stack.clientConfig("dynamodb")).toThrow(/dynamodb: false/);
    } finally {
      await Promise.all([stack.stop(), stack.stop()]);
      await stack.stop();
    }
    await expect(fetch(stack.endpoints.ssm, { method: "POST" })).rejects.toThrow();
  });
});
