/**
 * `vigil dlq` on what SNS dead-letters: a subscription's redrive (body = SNS's notification envelope,
 * ErrorCode/ErrorMessage attributes, no `vigil-source-queue`) and Lambda's asynchronous DLQ (body =
 * the SNS event the function failed on). Listing shows why; redrive republishes the event to its
 * topic, while letters the bus wrote still go back to their queue.
 */
import { SubscribeCommand } from "@aws-sdk/client-sns";
import { CreateQueueCommand, GetQueueAttributesCommand, SendMessageCommand } from "@aws-sdk/client-sqs";
import {
  DLQ_SOURCE_QUEUE_ATTRIBUTE,
  eventAttributes,
  listDeadLetters,
  queueNameFor,
  redriveDeadLetters,
  showDeadLetter,
  sqsDeadLetterSink,
  TYPE_ATTRIBUTE,
} from "@vigil/events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessed, drainQueue, type LocalBus, queueDepth, startLocalBus } from "./fixtures/local-bus.ts";

const INTEGRATION = "dlq-sns";
let local: LocalBus;
let topicArn: string;
/** Subscribed without raw delivery: what it receives is exactly the envelope SNS writes to a DLQ. */
let envelopes: string;
/** Subscribed with raw delivery and no filter: sees every event published to the topic. */
let receiver: string;

async function queueSubscribed(name: string, raw: boolean): Promise<string> {
  const { sqs, sns } = local.aws.clients;
  const url = (await sqs.send(new CreateQueueCommand({ QueueName: name }))).QueueUrl ?? "";
  const arn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["QueueArn"] })))
    .Attributes?.QueueArn;
  await sns.send(
    new SubscribeCommand({
      TopicArn: topicArn,
      Protocol: "sqs",
      Endpoint: arn,
      Attributes: { RawMessageDelivery: String(raw) },
    }),
  );
  return url;
}

const depth = (url: string) => queueDepth(local.aws.clients.sqs, url);
const drain = (url: string) => drainQueue(local.aws.clients.sqs, url);

/** Publish `event` and return the SNS notification envelope a non-raw subscriber got for it. */
async function envelopeOf(event: ReturnType<typeof assessed>): Promise<string> {
  await local.bus().publish([event]);
  const got = await drain(envelopes);
  const body = got.find((m) => JSON.parse(m.body).Message?.includes(event.id))?.body;
  if (!body) throw new Error(`no envelope for ${event.id}: ${JSON.stringify(got)}`);
  return body;
}

/** What SNS writes to a subscription's DLQ: the envelope as body, its error as message attributes. */
async function snsDeadLetter(deadLetterUrl: string, envelope: string, error: string): Promise<void> {
  await local.aws.clients.sqs.send(
    new SendMessageCommand({
      QueueUrl: deadLetterUrl,
      MessageBody: envelope,
      MessageAttributes: {
        ErrorCode: { DataType: "String", StringValue: "403" },
        ErrorMessage: { DataType: "String", StringValue: error },
        RequestID: { DataType: "String", StringValue: "req-1" },
        TopicArn: { DataType: "String", StringValue: topicArn },
      },
    }),
  );
}

beforeAll(async () => {
  local = await startLocalBus(INTEGRATION);
  topicArn = local.stack.topics.events?.arn ?? "";
  envelopes = await queueSubscribed("dlq-sns-envelopes", false);
  receiver = await queueSubscribed("dlq-sns-receiver", true);
});
afterAll(async () => {
  await local?.aws.stop();
});

describe("vigil dlq on SNS dead letters", () => {
  it("lists an SNS subscription's dead letter with its reason and republishes it to the topic", async () => {
    const event = assessed("sns-letter-1");
    const envelope = await envelopeOf(event);
    expect(JSON.parse(envelope)).toMatchObject({ Type: "Notification", TopicArn: topicArn });
    await drain(receiver); // the original delivery
    const dlq = local.queue("agent").deadLetterUrl;
    await snsDeadLetter(dlq, envelope, "Lambda function vigil-agent-dlq-sns does not exist");

    const letters = await listDeadLetters(local.aws.clients.sqs, dlq);
    expect(letters).toHaveLength(1);
    const letter = letters[0];
    expect(letter).toMatchObject({
      origin: "sns-subscription",
      eventId: "sns-letter-1",
      eventType: event.type,
      sourceQueue: undefined,
      snsMessage: { topicArn, attributes: eventAttributes(event) },
    });
    expect(letter?.reason).toBe(
      "SNS could not deliver it to the subscription (the endpoint refused it, or SNS's delivery retries ran out): ErrorCode 403: Lambda function vigil-agent-dlq-sns does not exist",
    );
    expect(JSON.parse(letter?.snsMessage?.body ?? "")).toEqual(event);
    expect((await showDeadLetter(local.aws.clients.sqs, dlq, "sns-letter-1"))?.messageId).toBe(
      letter?.messageId,
    );

    const result = await redriveDeadLetters(local.aws.clients.sqs, dlq, { sns: local.aws.clients.sns });
    expect(result).toEqual({ moved: 1, republished: 1, skipped: 0, failed: [], notFound: [] });
    expect(await depth(dlq)).toBe(0);
    const back = await drain(receiver);
    expect(back.map((m) => JSON.parse(m.body))).toEqual([event]);
    expect(back[0]?.attributes).toMatchObject(eventAttributes(event));
    await drain(envelopes);
  });

  it("republishes a Lambda asynchronous DLQ letter (the SNS event it failed on)", async () => {
    const event = assessed("lambda-letter-1");
    const envelope = JSON.parse(await envelopeOf(event)) as Record<string, unknown>;
    await drain(receiver);
    const dlq = local.queue("updater").deadLetterUrl;
    const lambdaEvent = {
      Records: [{ EventSource: "aws:sns", EventVersion: "1.0", Sns: { ...envelope, Subject: null } }],
    };
    await local.aws.clients.sqs.send(
      new SendMessageCommand({
        QueueUrl: dlq,
        MessageBody: JSON.stringify(lambdaEvent),
        MessageAttributes: {
          RequestID: { DataType: "String", StringValue: "req-2" },
          ErrorCode: { DataType: "Number", StringValue: "200" },
          ErrorMessage: { DataType: "String", StringValue: "Task timed out after 900.00 seconds" },
        },
      }),
    );

    const [letter] = await listDeadLetters(local.aws.clients.sqs, dlq);
    expect(letter).toMatchObject({ origin: "lambda-async", eventId: "lambda-letter-1" });
    expect(letter?.reason).toMatch(/asynchronous retries ran out: ErrorCode 200: Task timed out/);

    expect(await redriveDeadLetters(local.aws.clients.sqs, dlq, { sns: local.aws.clients.sns })).toEqual({
      moved: 1,
      republished: 1,
      skipped: 0,
      failed: [],
      notFound: [],
    });
    expect((await drain(receiver)).map((m) => JSON.parse(m.body).id)).toEqual(["lambda-letter-1"]);
    await drain(envelopes);
  });

  it("keeps an SNS letter in the DLQ, with a reason, when it cannot republish it", async () => {
    const envelope = await envelopeOf(assessed("sns-letter-2"));
    await drain(receiver);
    const dlq = local.queue("platform").deadLetterUrl;
    await snsDeadLetter(dlq, envelope, "endpoint gone");

    const result = await redriveDeadLetters(local.aws.clients.sqs, dlq);
    expect(result.moved).toBe(0);
    expect(result.failed).toEqual([
      { messageId: expect.any(String), reason: expect.stringMatching(/pass an SNS client/) },
    ]);
    expect(await depth(dlq)).toBe(1);
    expect(await drain(receiver)).toEqual([]);
    await drain(dlq);
  });

  it("still sends a letter the bus wrote back to its source queue, beside an SNS one", async () => {
    const snsEvent = assessed("sns-letter-3");
    const envelope = await envelopeOf(snsEvent);
    await drain(receiver);
    const { url: platformQueue, deadLetterUrl: dlq } = local.queue("platform");
    await drain(platformQueue);
    await snsDeadLetter(dlq, envelope, "endpoint gone");
    const poison = { ...assessed("bus-letter-1"), data: { scanId: "s" } };
    await sqsDeadLetterSink({
      sqs: local.aws.clients.sqs,
      deadLetterUrl: dlq,
      sourceQueue: queueNameFor("platform", INTEGRATION),
    }).send(
      {
        messageId: "m-1",
        body: JSON.stringify(poison),
        attributes: { [TYPE_ATTRIBUTE]: poison.type },
        receiveCount: 1,
      },
      "invalid-data: data.assessedAt: expected string",
    );

    const letters = await listDeadLetters(local.aws.clients.sqs, dlq);
    expect(Object.fromEntries(letters.map((l) => [l.eventId, [l.origin, l.reason]]))).toEqual({
      "sns-letter-3": [
        "sns-subscription",
        "SNS could not deliver it to the subscription (the endpoint refused it, or SNS's delivery retries ran out): ErrorCode 403: endpoint gone",
      ],
      "bus-letter-1": ["bus", "invalid-data: data.assessedAt: expected string"],
    });

    const result = await redriveDeadLetters(local.aws.clients.sqs, dlq, { sns: local.aws.clients.sns });
    expect(result).toEqual({ moved: 2, republished: 1, skipped: 0, failed: [], notFound: [] });
    expect(await depth(dlq)).toBe(0);
    expect((await drain(receiver)).map((m) => JSON.parse(m.body).id)).toEqual(["sns-letter-3"]);
    const toQueue = (await drain(platformQueue)).map((m) => ({
      id: JSON.parse(m.body).id,
      source: m.attributes[DLQ_SOURCE_QUEUE_ATTRIBUTE],
    }));
    // The platform queue is subscribed too, so it also gets the republished event.
    expect(toQueue).toContainEqual({ id: "bus-letter-1", source: undefined });
    await drain(envelopes);
  });
});
