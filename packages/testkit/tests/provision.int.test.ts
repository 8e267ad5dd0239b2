import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import {
  GetSubscriptionAttributesCommand,
  ListSubscriptionsByTopicCommand,
  PublishCommand,
} from "@aws-sdk/client-sns";
import { GetQueueAttributesCommand, ReceiveMessageCommand } from "@aws-sdk/client-sqs";
import { GetParametersByPathCommand } from "@aws-sdk/client-ssm";
import { eventTable, queueDefinition, subscriptionsOf } from "@vigil/events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalAws, startLocalAws } from "../src/index.ts";
import { type ProvisionedStack, provisionLocalStack } from "../src/provision/index.ts";

let aws: LocalAws;
let stack: ProvisionedStack;

beforeAll(async () => {
  aws = await startLocalAws();
  stack = await provisionLocalStack(aws, {
    integrationId: "int-1",
    parameterValues: { "platform-url": "http://p" },
  });
});
afterAll(async () => {
  await aws?.stop();
});

async function receive(url: string) {
  const out = await aws.clients.sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: url,
      WaitTimeSeconds: 1,
      MaxNumberOfMessages: 10,
      MessageAttributeNames: ["All"],
    }),
  );
  return out.Messages ?? [];
}

describe("provisionLocalStack", () => {
  it("creates every queue with its DLQ as redrive target, long polling and visibility timeout", async () => {
    for (const consumer of ["agent", "updater", "platform"] as const) {
      const q = stack.queues[consumer];
      expect(q?.name).toBe(`vigil-${consumer}-int-1`);
      const attrs = await aws.clients.sqs.send(
        new GetQueueAttributesCommand({ QueueUrl: q?.url, AttributeNames: ["All"] }),
      );
      const def = queueDefinition(consumer);
      expect(JSON.parse(attrs.Attributes?.RedrivePolicy ?? "{}")).toEqual({
        deadLetterTargetArn: q?.deadLetter.arn,
        maxReceiveCount: def.deadLetter.maxReceiveCount,
      });
      expect(attrs.Attributes?.ReceiveMessageWaitTimeSeconds).toBe("20");
      expect(attrs.Attributes?.VisibilityTimeout).toBe(String(def.visibilityTimeoutSeconds));
    }
  });

  it("subscribes each queue with raw delivery and the topology's filter policy", async () => {
    const subs = await aws.clients.sns.send(
      new ListSubscriptionsByTopicCommand({ TopicArn: stack.topics.events?.arn }),
    );
    expect(subs.Subscriptions).toHaveLength(3);
    for (const s of subs.Subscriptions ?? []) {
      const attrs = await aws.clients.sns.send(
        new GetSubscriptionAttributesCommand({ SubscriptionArn: s.SubscriptionArn }),
      );
      const consumer = (["agent", "updater", "platform"] as const).find(
        (c) => stack.queues[c]?.arn === s.Endpoint,
      );
      expect(consumer).toBeDefined();
      expect(attrs.Attributes?.RawMessageDelivery).toBe("true");
      expect(JSON.parse(attrs.Attributes?.FilterPolicy ?? "{}")).toEqual(
        subscriptionsOf(consumer ?? "agent")[0]?.filterPolicy,
      );
    }
  });

  it("routes a published event to the queues whose filter matches, raw", async () => {
    const body = JSON.stringify({ type: "vigil.scan.requested.v1", id: "e-1" });
    await aws.clients.sns.send(
      new PublishCommand({
        TopicArn: stack.topics.events?.arn,
        Message: body,
        MessageAttributes: { type: { DataType: "String", StringValue: "vigil.scan.requested.v1" } },
      }),
    );
    const agent = await receive(stack.queues.agent?.url ?? "");
    expect(agent.map((m) => m.Body)).toEqual([body]);
    expect(agent[0]?.MessageAttributes?.type?.StringValue).toBe("vigil.scan.requested.v1");
    expect(await receive(stack.queues.updater?.url ?? "")).toEqual([]);
    expect((await receive(stack.queues.platform?.url ?? "")).map((m) => m.Body)).toEqual([body]);
  });

  it("creates the event table from the shared definition", async () => {
    const out = await aws.clients.dynamodb.send(
      new DescribeTableCommand({ TableName: stack.eventTableName }),
    );
    expect(out.Table?.KeySchema).toEqual([
      { AttributeName: "pk", KeyType: "HASH" },
      { AttributeName: "sk", KeyType: "RANGE" },
    ]);
    expect(out.Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName)).toEqual(
      eventTable.globalSecondaryIndexes.map((i) => i.name),
    );
  });

  it("stores the SSM parameters under /vigil/<integration>/", async () => {
    const out = await aws.clients.ssm.send(new GetParametersByPathCommand({ Path: "/vigil/int-1" }));
    const byName = Object.fromEntries((out.Parameters ?? []).map((p) => [p.Name, p.Value]));
    expect(byName["/vigil/int-1/platform-url"]).toBe("http://p");
    expect(byName["/vigil/int-1/scan-schedule"]).toBe("rate(12 hours)");
  });

  it("is idempotent: provisioning again returns the same resources", async () => {
    const again = await provisionLocalStack(aws, { integrationId: "int-1" });
    expect(again.queues.agent?.url).toBe(stack.queues.agent?.url);
    expect(again.topics.events?.arn).toBe(stack.topics.events?.arn);
    const subs = await aws.clients.sns.send(
      new ListSubscriptionsByTopicCommand({ TopicArn: stack.topics.events?.arn }),
    );
    expect(subs.Subscriptions).toHaveLength(3);
  });
});
