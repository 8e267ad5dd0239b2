import { DescribeTableCommand, DescribeTimeToLiveCommand } from "@aws-sdk/client-dynamodb";
import { ListSubscriptionsByTopicCommand } from "@aws-sdk/client-sns";
import {
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
} from "@aws-sdk/client-sqs";
import { idempotencyTable, jobQueueDefinition } from "@vigil/events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalAws, startLocalAws } from "../src/index.ts";
import { type ProvisionedStack, provisionLocalStack } from "../src/provision/index.ts";

/** What the agent's integration tests need besides the bus: its job queue and the idempotency table. */
let aws: LocalAws;
let stack: ProvisionedStack;

beforeAll(async () => {
  aws = await startLocalAws();
  stack = await provisionLocalStack(aws, { integrationId: "int-9" });
});
afterAll(async () => {
  await aws?.stop();
});

describe("provisionLocalStack: the agent's job queue and the idempotency table", () => {
  it("creates the job queue as the stack does: visibility = the agent's timeout, redrive to its DLQ", async () => {
    const q = stack.jobQueues.agent;
    expect(q?.name).toBe("vigil-agent-jobs-int-9");
    expect(q?.deadLetter.name).toBe("vigil-agent-jobs-int-9-dlq");
    const attrs = await aws.clients.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: q?.url, AttributeNames: ["All"] }),
    );
    const def = jobQueueDefinition("agent");
    expect(attrs.Attributes?.VisibilityTimeout).toBe(String(def.visibilityTimeoutSeconds));
    expect(JSON.parse(attrs.Attributes?.RedrivePolicy ?? "{}")).toEqual({
      deadLetterTargetArn: q?.deadLetter.arn,
      maxReceiveCount: def.deadLetter.maxReceiveCount,
    });
  });

  it("feeds the job queue from no topic: only the agent puts jobs on it", async () => {
    const subs = await aws.clients.sns.send(
      new ListSubscriptionsByTopicCommand({ TopicArn: stack.topics.events?.arn }),
    );
    expect(subs.Subscriptions?.map((s) => s.Endpoint)).not.toContain(stack.jobQueues.agent?.arn);
  });

  it("carries a delayed job and reports it in the attributes a heartbeat checks", async () => {
    const url = stack.jobQueues.agent?.url ?? "";
    await aws.clients.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: "{}", DelaySeconds: 1 }));
    const attrs = await aws.clients.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: url,
        AttributeNames: [
          "ApproximateNumberOfMessages",
          "ApproximateNumberOfMessagesDelayed",
          "ApproximateNumberOfMessagesNotVisible",
        ],
      }),
    );
    const pending = Object.values(attrs.Attributes ?? {}).reduce((a, b) => a + Number(b), 0);
    expect(pending).toBe(1);
    const got = await aws.clients.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 3 }));
    expect(got.Messages).toHaveLength(1);
    await aws.clients.sqs.send(
      new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: got.Messages?.[0]?.ReceiptHandle }),
    );
  });

  it("creates the idempotency table from the shared definition, TTL asked for on expiresAt", async () => {
    expect(stack.idempotencyTableName).toBe("vigil-idempotency-int-9");
    const out = await aws.clients.dynamodb.send(
      new DescribeTableCommand({ TableName: stack.idempotencyTableName }),
    );
    expect(out.Table?.KeySchema).toEqual([
      { AttributeName: idempotencyTable.partitionKey.name, KeyType: "HASH" },
    ]);
    // DynamoDB Local accepts the TTL setting (it never deletes expired items; readers do not rely on it).
    const ttl = await aws.clients.dynamodb.send(
      new DescribeTimeToLiveCommand({ TableName: stack.idempotencyTableName }),
    );
    expect(ttl.TimeToLiveDescription?.AttributeName).toBe("expiresAt");
  });

  it("is idempotent: provisioning again returns the same job queue and table", async () => {
    const again = await provisionLocalStack(aws, { integrationId: "int-9" });
    expect(again.jobQueues.agent?.url).toBe(stack.jobQueues.agent?.url);
    expect(again.idempotencyTableName).toBe(stack.idempotencyTableName);
  });
});
