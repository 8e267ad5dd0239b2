/**
 * A queue is reported missing only when SQS says so: an unreachable endpoint, a denial or a
 * throttle is a failed lookup, named as such (`vigil dlq` once said "does not exist" for all of them).
 */
import { SNSClient } from "@aws-sdk/client-sns";
import { SQSClient } from "@aws-sdk/client-sqs";
import { deadLetterQueueOf, QueueLookupError, QueueNotFoundError, SnsSqsBus } from "@vigil/events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalAws, startLocalAws } from "../../src/index.ts";

let aws: LocalAws<false>;
beforeAll(async () => {
  aws = await startLocalAws({ dynamodb: false });
});
afterAll(async () => {
  await aws?.stop();
});

const unreachable = () =>
  new SQSClient({
    endpoint: "http://127.0.0.1:1",
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
  });

describe("queue lookups", () => {
  it("a queue SQS does not know is missing (fauxqs answers as SQS does)", async () => {
    const lookup = deadLetterQueueOf(aws.clients.sqs, "platform", "no-such-integration");
    await expect(lookup).rejects.toBeInstanceOf(QueueNotFoundError);
    await expect(lookup).rejects.toThrow(/vigil-platform-no-such-integration-dlq" does not exist/);
  });

  it("an unreachable endpoint is a failed lookup, never a missing queue", async () => {
    const sqs = unreachable();
    const lookup = deadLetterQueueOf(sqs, "platform", "x");
    await expect(lookup).rejects.toBeInstanceOf(QueueLookupError);
    await expect(lookup).rejects.toThrow(
      /could not look up queue "vigil-platform-x-dlq" \(sqs:GetQueueUrl failed: .*ECONNREFUSED/,
    );
    const bus = new SnsSqsBus({
      sqs,
      sns: new SNSClient({ endpoint: "http://127.0.0.1:1", region: "us-east-1", maxAttempts: 1 }),
      topicArn: "arn:aws:sns:us-east-1:000000000000:vigil-events-x",
      integrationId: "x",
    });
    await expect(bus.addressOf("platform")).rejects.toBeInstanceOf(QueueLookupError);
    sqs.destroy();
  });
});
