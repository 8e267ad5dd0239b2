/**
 * Child process of the SIGTERM drain test: consumes the platform queue with a slow handler and
 * prints one JSON line per step, so the parent knows when to send SIGTERM and what happened.
 */
import { SNSClient } from "@aws-sdk/client-sns";
import { SQSClient } from "@aws-sdk/client-sqs";
import { SnsSqsBus } from "../../src/index.ts";

const endpoint = process.env.VIGIL_TEST_ENDPOINT ?? "";
const config = {
  region: "us-east-1",
  endpoint,
  credentials: { accessKeyId: "test", secretAccessKey: "test" },
};
const bus = new SnsSqsBus({
  sns: new SNSClient(config),
  sqs: new SQSClient(config),
  topicArn: "unused",
  queues: {
    platform: {
      url: process.env.VIGIL_TEST_QUEUE_URL ?? "",
      deadLetterUrl: process.env.VIGIL_TEST_DLQ_URL ?? "",
    },
  },
});
const say = (o: object) => process.stdout.write(`${JSON.stringify(o)}\n`);

const stats = await bus.consume(
  "platform",
  async (event) => {
    say({ step: "handling", id: event.id });
    await new Promise((r) => setTimeout(r, 1500));
    say({ step: "handled", id: event.id });
  },
  { waitTimeSeconds: 1, visibilityTimeoutSeconds: 10 },
);
say({ step: "stopped", stats });
