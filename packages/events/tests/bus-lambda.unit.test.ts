import type { SNSEvent, SNSEventRecord, SQSEvent, SQSRecord } from "aws-lambda";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CLAIM_CHECK_ATTRIBUTE,
  checkInIfLarge,
  type DeadLetterSink,
  eventAttributes,
  exampleEvent,
  type IncomingMessage,
  InMemoryIdempotencyStore,
  InMemoryPayloadStore,
  SnsDeliveryError,
  snsHandler,
  sqsHandler,
  TYPE_ATTRIBUTE,
} from "../src/index.ts";

type Kind = "valid" | "invalid" | "failing";

function record(
  messageId: string,
  body: string,
  attributes: Record<string, string> = {},
  receiveCount = 1,
): SQSRecord {
  return {
    messageId,
    receiptHandle: `rh-${messageId}`,
    body,
    attributes: {
      ApproximateReceiveCount: String(receiveCount),
      SentTimestamp: "0",
      SenderId: "x",
      ApproximateFirstReceiveTimestamp: "0",
    },
    messageAttributes: Object.fromEntries(
      Object.entries(attributes).map(([k, v]) => [
        k,
        { stringValue: v, dataType: "String", stringListValues: [], binaryListValues: [] },
      ]),
    ),
    md5OfBody: "",
    eventSource: "aws:sqs",
    eventSourceARN: "arn:aws:sqs:us-east-1:000000000000:vigil-platform",
    awsRegion: "us-east-1",
  };
}

/** The body SNS puts on the queue when raw delivery is off. */
function snsEnvelope(message: string, attributes: Record<string, string>): string {
  return JSON.stringify({
    Type: "Notification",
    MessageId: "95df01b4-ee98-5cb9-9903-4c221d41eb5e",
    TopicArn: "arn:aws:sns:us-east-1:000000000000:vigil-events",
    Message: message,
    Timestamp: "2025-01-15T06:00:00.000Z",
    SignatureVersion: "1",
    Signature: "EXAMPLE",
    SigningCertURL: "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-0000.pem",
    UnsubscribeURL: "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe",
    MessageAttributes: Object.fromEntries(
      Object.entries(attributes).map(([k, v]) => [k, { Type: "String", Value: v }]),
    ),
  });
}

function memorySink() {
  const letters: Array<{ message: IncomingMessage; reason: string }> = [];
  const sink: DeadLetterSink = {
    async send(message, reason) {
      letters.push({ message, reason });
    },
  };
  return { sink, letters };
}

describe("sqsHandler", () => {
  it("property: batchItemFailures are exactly the failing records; invalid ones go to the DLQ sink; valid ones are handled once", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ kind: fc.constantFrom<Kind>("valid", "invalid", "failing"), wrapped: fc.boolean() }),
          {
            minLength: 1,
            maxLength: 10,
          },
        ),
        async (specs) => {
          const { sink, letters } = memorySink();
          const handled: string[] = [];
          const idempotency = new InMemoryIdempotencyStore();
          const handler = sqsHandler(
            async (event) => {
              if (event.id.startsWith("failing-")) throw new Error("handler failed");
              handled.push(event.id);
            },
            { consumer: "vigil-platform", deadLetters: sink, idempotency },
          );
          const records = specs.map((spec, i) => {
            const event = exampleEvent("vigil.scan.asset-assessed.v1", { id: `${spec.kind}-${i}` });
            const payload =
              spec.kind === "invalid" ? { ...event, data: { ...event.data, results: "nope" } } : event;
            const body = JSON.stringify(payload);
            const attributes = eventAttributes(event);
            return spec.wrapped
              ? record(`m${i}`, snsEnvelope(body, attributes))
              : record(`m${i}`, body, attributes);
          });
          const event: SQSEvent = { Records: records };

          const response = await handler(event);
          const failing = specs.flatMap((s, i) => (s.kind === "failing" ? [`m${i}`] : []));
          expect(response.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(failing.sort());
          const invalid = specs.flatMap((s, i) => (s.kind === "invalid" ? [`m${i}`] : []));
          expect(letters.map((l) => l.message.messageId).sort()).toEqual(invalid.sort());
          for (const l of letters) expect(l.reason).toMatch(/^invalid-data: .*data\.results: expected array/);
          const valid = specs.flatMap((s, i) => (s.kind === "valid" ? [`valid-${i}`] : []));
          expect([...handled].sort()).toEqual(valid.sort());

          // Lambda redelivers the whole batch (at least once): nothing valid is handled again.
          const again = await handler(event);
          expect(again.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(failing.sort());
          expect([...handled].sort()).toEqual(valid.sort());
        },
      ),
      { numRuns: 60 },
    );
  });

  it("holds back a second concurrent delivery of the same event until the first one finishes", async () => {
    const { sink } = memorySink();
    const event = exampleEvent("vigil.scan.asset-assessed.v1", { id: "same" });
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let calls = 0;
    const handler = sqsHandler(
      async () => {
        calls++;
        await gate;
      },
      { consumer: "q", deadLetters: sink, idempotency: new InMemoryIdempotencyStore() },
    );
    const first = handler({ Records: [record("a", JSON.stringify(event), eventAttributes(event))] });
    await new Promise((r) => setTimeout(r, 10));
    const second = await handler({
      Records: [record("b", JSON.stringify(event), eventAttributes(event), 2)],
    });
    expect(second.batchItemFailures).toEqual([{ itemIdentifier: "b" }]);
    release();
    expect((await first).batchItemFailures).toEqual([]);
    expect(calls).toBe(1);
  });

  it("resolves a claim check transparently and dead-letters a tampered one", async () => {
    const { sink, letters } = memorySink();
    const payloads = new InMemoryPayloadStore();
    const big = exampleEvent("vigil.scan.asset-assessed.v1", { id: "big" });
    const large = {
      ...big,
      data: {
        ...big.data,
        results: Array.from({ length: 3000 }, (_, i) => ({
          ...big.data.results[0],
          checkId: `check-${i}`,
          evidence: "e".repeat(80),
        })),
      },
    };
    const checked = await checkInIfLarge(
      { eventId: big.id, body: JSON.stringify(large), attributes: eventAttributes(big) },
      payloads,
    );
    expect(checked.attributes[CLAIM_CHECK_ATTRIBUTE]).toBe("s3");
    expect(Buffer.byteLength(checked.body)).toBeLessThan(1024);
    const seen: number[] = [];
    const handler = sqsHandler(
      (e) => {
        if (e.type === "vigil.scan.asset-assessed.v1") seen.push(e.data.results.length);
      },
      { consumer: "q", deadLetters: sink, payloads },
    );
    expect(
      (await handler({ Records: [record("c", checked.body, checked.attributes)] })).batchItemFailures,
    ).toEqual([]);
    expect(seen).toEqual([3000]);

    for (const key of payloads.objects.keys()) payloads.objects.set(key, "{}");
    expect(
      (await handler({ Records: [record("d", checked.body, checked.attributes)] })).batchItemFailures,
    ).toEqual([]);
    expect(letters.map((l) => l.reason)).toEqual([expect.stringMatching(/does not match the SHA-256/)]);
    expect(letters[0]?.message.attributes[TYPE_ATTRIBUTE]).toBe("vigil.scan.asset-assessed.v1");
  });
});

/** A record as SNS pushes it to a Lambda subscription. */
function snsRecord(messageId: string, message: string, attributes: Record<string, string>): SNSEventRecord {
  return {
    EventVersion: "1.0",
    EventSubscriptionArn: "arn:aws:sns:us-east-1:000000000000:vigil-events:sub",
    EventSource: "aws:sns",
    Sns: {
      SignatureVersion: "1",
      Timestamp: "2025-01-01T00:00:00.000Z",
      Signature: "x",
      SigningCertUrl: "https://example.invalid/cert.pem",
      MessageId: messageId,
      Message: message,
      MessageAttributes: Object.fromEntries(
        Object.entries(attributes).map(([k, v]) => [k, { Type: "String", Value: v }]),
      ),
      Type: "Notification",
      UnsubscribeUrl: "https://example.invalid/unsubscribe",
      TopicArn: "arn:aws:sns:us-east-1:000000000000:vigil-events",
    },
  };
}

describe("snsHandler", () => {
  it("handles a valid event once, acknowledges a second delivery as a duplicate", async () => {
    const { sink, letters } = memorySink();
    const handled: string[] = [];
    const handler = snsHandler(
      (event) => {
        handled.push(event.id);
      },
      { consumer: "vigil-agent", deadLetters: sink, idempotency: new InMemoryIdempotencyStore() },
    );
    const event = exampleEvent("vigil.scan.requested.v1", { id: "req-1" });
    const sns: SNSEvent = { Records: [snsRecord("m1", JSON.stringify(event), eventAttributes(event))] };
    const first = await handler(sns);
    expect(first.outcomes).toEqual([{ messageId: "m1", outcome: { kind: "handled", eventId: "req-1" } }]);
    const again = await handler({
      Records: [snsRecord("m2", JSON.stringify(event), eventAttributes(event))],
    });
    expect(again.outcomes[0]?.outcome).toEqual({ kind: "duplicate", eventId: "req-1" });
    expect(handled).toEqual(["req-1"]);
    expect(letters).toEqual([]);
  });

  it("dead-letters an invalid message with its reason and its attributes, without calling the handler", async () => {
    const { sink, letters } = memorySink();
    let calls = 0;
    const handler = snsHandler(
      () => {
        calls++;
      },
      { consumer: "vigil-agent", deadLetters: sink },
    );
    const event = exampleEvent("vigil.scan.requested.v1", { id: "bad" });
    const broken = { ...event, data: { ...event.data, trigger: "whenever" } };
    const out = await handler({
      Records: [
        snsRecord("m-bad", JSON.stringify(broken), eventAttributes(event)),
        snsRecord("m-junk", "not json", {}),
      ],
    });
    expect(out.outcomes.map((o) => o.outcome.kind)).toEqual(["dead-lettered", "dead-lettered"]);
    expect(calls).toBe(0);
    expect(letters.map((l) => l.message.messageId)).toEqual(["m-bad", "m-junk"]);
    expect(letters[0]?.reason).toMatch(/^invalid-data: .*data\.trigger/);
    expect(letters[0]?.message.attributes[TYPE_ATTRIBUTE]).toBe("vigil.scan.requested.v1");
    expect(letters[1]?.reason).toMatch(/not JSON/);
  });

  it("throws for a failing handler so Lambda retries, and handles the retry once it succeeds", async () => {
    const { sink } = memorySink();
    let fail = true;
    const handled: string[] = [];
    const handler = snsHandler(
      (event) => {
        if (fail) throw new Error("boom");
        handled.push(event.id);
      },
      { consumer: "vigil-agent", deadLetters: sink, idempotency: new InMemoryIdempotencyStore() },
    );
    const event = exampleEvent("vigil.scan.requested.v1", { id: "retry-me" });
    const sns: SNSEvent = { Records: [snsRecord("m1", JSON.stringify(event), eventAttributes(event))] };
    await expect(handler(sns)).rejects.toBeInstanceOf(SnsDeliveryError);
    await expect(handler(sns)).rejects.toThrow(/m1: Error: boom/);
    fail = false;
    await expect(handler(sns)).resolves.toMatchObject({ outcomes: [{ outcome: { kind: "handled" } }] });
    expect(handled).toEqual(["retry-me"]);
  });
});
