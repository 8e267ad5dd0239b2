import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { PublishCommand } from "@aws-sdk/client-sns";
import { SQSClient } from "@aws-sdk/client-sqs";
import {
  DLQ_REASON_ATTRIBUTE,
  DLQ_SOURCE_QUEUE_ATTRIBUTE,
  exampleEvent,
  INTEGRATION_ID_ATTRIBUTE,
  InMemoryIdempotencyStore,
  listDeadLetters,
  MessageTooLargeError,
  queueNameFor,
  redriveDeadLetters,
  showDeadLetter,
  sqsDeadLetterSink,
  TYPE_ATTRIBUTE,
  type VigilEvent,
} from "@vigil/events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessed, drainQueue, type LocalBus, queueDepth, startLocalBus } from "./fixtures/local-bus.ts";

let local: LocalBus;
beforeAll(async () => {
  local = await startLocalBus();
});
afterAll(async () => {
  await local?.aws.stop();
});

const depth = (url: string) => queueDepth(local.aws.clients.sqs, url);
const drain = (url: string) => drainQueue(local.aws.clients.sqs, url);

/** Consume until `until()` holds (or 15 s), then stop gracefully. */
async function consumeUntil(
  handler: (e: VigilEvent) => void | Promise<void>,
  until: () => boolean | Promise<boolean>,
  options: Parameters<ReturnType<LocalBus["bus"]>["consume"]>[2] = {},
  bus = local.bus(),
) {
  const stop = new AbortController();
  const running = bus.consume("platform", handler, {
    signal: stop.signal,
    handleSignals: false,
    waitTimeSeconds: 1,
    ...options,
  });
  const started = Date.now();
  while (!(await until()) && Date.now() - started < 15_000) await new Promise((r) => setTimeout(r, 20));
  stop.abort();
  return running;
}

describe("SnsSqsBus on the local stack", () => {
  it("publishes with PublishBatch and the type/integrationId attributes; the filter policies route them", async () => {
    local.counter.reset();
    const events = [
      ...Array.from({ length: 12 }, (_, i) => assessed(`route-${i}`)),
      exampleEvent("vigil.update.check-started.v1", { id: "route-update" }),
    ];
    const result = await local.bus().publish(events);
    expect(result).toEqual({ published: 13, batches: 2, claimChecked: 0 });
    expect(local.counter.byOperation("SNS")).toEqual({ PublishBatch: 2 });

    const updater = await drain(local.queue("updater").url);
    expect(updater.map((m) => JSON.parse(m.body).id)).toEqual(["route-update"]);
    expect(updater[0]?.attributes).toEqual({
      [TYPE_ATTRIBUTE]: "vigil.update.check-started.v1",
      [INTEGRATION_ID_ATTRIBUTE]: "int-0001",
    });
    expect(await drain(local.queue("agent").url)).toEqual([]);
    const platform = await drain(local.queue("platform").url);
    expect(platform.map((m) => JSON.parse(m.body).id).sort()).toEqual(events.map((e) => e.id).sort());
  });

  it("consumes 10 at a time and deletes in batches", async () => {
    const events = Array.from({ length: 30 }, (_, i) => assessed(`batch-${i}`));
    await local.bus().publish(events);
    local.counter.reset();
    const seen: string[] = [];
    const stats = await consumeUntil(
      (e) => void seen.push(e.id),
      () => seen.length >= 30,
    );
    expect(seen.sort()).toEqual(events.map((e) => e.id).sort());
    expect(stats.deleted).toBe(30);
    const sqs = local.counter.byOperation("SQS");
    expect(sqs.DeleteMessageBatch).toBe(3);
    expect(sqs.DeleteMessage).toBeUndefined();
    expect(await depth(local.queue("platform").url)).toBe(0);
  });

  it("extends visibility for a slow handler, so a second consumer never gets the message meanwhile", async () => {
    for (const heartbeat of [true, false]) {
      await local.bus().publish([assessed(`slow-${heartbeat}`)]);
      const deliveries: string[] = [];
      const stop = new AbortController();
      const options = {
        signal: stop.signal,
        handleSignals: false,
        waitTimeSeconds: 1,
        visibilityTimeoutSeconds: 1,
        heartbeatSeconds: heartbeat ? 0.3 : 0,
      };
      const slow = local.bus().consume(
        "platform",
        async (e) => {
          deliveries.push(`slow:${e.id}`);
          await new Promise((r) => setTimeout(r, 2600));
        },
        options,
      );
      await new Promise((r) => setTimeout(r, 300));
      const other = local.bus().consume("platform", (e) => void deliveries.push(`other:${e.id}`), options);
      await new Promise((r) => setTimeout(r, 3200));
      stop.abort();
      const [a, b] = await Promise.all([slow, other]);
      if (heartbeat) {
        expect(deliveries).toEqual(["slow:slow-true"]);
        expect(a.heartbeats).toBeGreaterThanOrEqual(4);
        expect(a.deleted + b.deleted).toBe(1);
      } else {
        // Without the heartbeat the message reappears after 1 s: the failure mode the heartbeat prevents.
        expect(deliveries).toContain("other:slow-false");
      }
    }
    await drain(local.queue("platform").url);
  });

  it("claim-checks a message over 256 KB through S3, invisibly to the handler", async () => {
    const base = assessed("large-1");
    const large = {
      ...base,
      data: {
        ...base.data,
        results: Array.from({ length: 2500 }, (_, i) => ({
          ...base.data.results[0],
          checkId: `c-${i}`,
          evidence: "x".repeat(100),
        })),
      },
    } as VigilEvent;
    expect(Buffer.byteLength(JSON.stringify(large))).toBeGreaterThan(256 * 1024);
    await expect(local.bus().publish([large])).rejects.toThrow(MessageTooLargeError);

    const result = await local.bus({ payloads: true }).publish([large, assessed("small-1")]);
    expect(result.claimChecked).toBe(1);
    const seen = new Map<string, number>();
    await consumeUntil(
      (e) => void seen.set(e.id, e.type === "vigil.scan.asset-assessed.v1" ? e.data.results.length : -1),
      () => seen.size >= 2,
      {},
      local.bus({ payloads: true }),
    );
    expect(Object.fromEntries(seen)).toEqual({ "large-1": 2500, "small-1": 2 });
  });

  it("sends an invalid message to the DLQ with its reason; list, show and redrive it", async () => {
    const poison = { ...assessed("poison-1"), data: { scanId: "s" } };
    const topicArn = local.stack.topics.events?.arn;
    await local.aws.clients.sns.send(
      new PublishCommand({
        TopicArn: topicArn,
        Message: JSON.stringify(poison),
        MessageAttributes: { [TYPE_ATTRIBUTE]: { DataType: "String", StringValue: poison.type } },
      }),
    );
    await local.bus().publish([assessed("fine-1")]);
    const seen: string[] = [];
    const dlq = local.queue("platform").deadLetterUrl;
    const stats = await consumeUntil(
      (e) => void seen.push(e.id),
      async () => seen.length >= 1 && (await depth(dlq)) >= 1,
    );
    expect(seen).toEqual(["fine-1"]);
    expect(stats.deadLettered).toBe(1);
    expect(await depth(local.queue("platform").url)).toBe(0);

    const letters = await listDeadLetters(local.aws.clients.sqs, dlq);
    expect(letters).toHaveLength(1);
    expect(letters[0]?.reason).toMatch(/^invalid-data: .*data\.assessedAt: expected string/);
    expect(letters[0]?.sourceQueue).toBe("vigil-platform-bus-test");
    expect(letters[0]?.attributes[DLQ_SOURCE_QUEUE_ATTRIBUTE]).toBe("vigil-platform-bus-test");
    expect(letters[0]?.eventId).toBe("poison-1");
    expect((await showDeadLetter(local.aws.clients.sqs, dlq, "poison-1"))?.messageId).toBe(
      letters[0]?.messageId,
    );
    expect(await depth(dlq)).toBe(1); // looking does not remove

    const moved = await redriveDeadLetters(local.aws.clients.sqs, dlq);
    expect(moved).toEqual({ moved: 1, republished: 0, skipped: 0, failed: [], notFound: [] });
    expect(await depth(dlq)).toBe(0);
    const back = await drain(local.queue("platform").url);
    expect(back.map((m) => JSON.parse(m.body).id)).toEqual(["poison-1"]);
    expect(back[0]?.attributes[DLQ_REASON_ATTRIBUTE]).toBeUndefined();
    expect(back[0]?.attributes[TYPE_ATTRIBUTE]).toBe(poison.type);
  });

  it("redrive reports the ids it did not find, and a letter it sent back but could not delete as failed, not moved", async () => {
    const { url: queue, deadLetterUrl: dlq } = local.queue("platform");
    const poison = { ...assessed("poison-2"), data: { scanId: "s" } };
    await sqsDeadLetterSink({
      sqs: local.aws.clients.sqs,
      deadLetterUrl: dlq,
      sourceQueue: queueNameFor("platform", "bus-test"),
    }).send(
      { messageId: "m-2", body: JSON.stringify(poison), attributes: {}, receiveCount: 1 },
      "invalid-data: data.assessedAt: expected string",
    );

    const missing = await redriveDeadLetters(local.aws.clients.sqs, dlq, { ids: ["poison-9", "poison-2x"] });
    expect(missing).toEqual({
      moved: 0,
      republished: 0,
      skipped: 1,
      failed: [],
      notFound: ["poison-9", "poison-2x"],
    });
    expect(await depth(dlq)).toBe(1);

    // Fault injection on a real client of the local stack: its send goes to fauxqs, its delete from
    // the DLQ answers as SQS does for an expired receipt handle (fauxqs accepts any handle).
    const sqs = new SQSClient(local.aws.clientConfig("sqs"));
    sqs.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName !== "DeleteMessageBatchCommand") return next(args);
        // What SQS answers when a receipt handle has expired: every entry failed, nothing deleted.
        const entries = (args.input as { Entries: { Id: string }[] }).Entries;
        return {
          response: {},
          output: {
            $metadata: { httpStatusCode: 200 },
            Successful: [],
            Failed: entries.map((e) => ({
              Id: e.Id,
              Code: "ReceiptHandleIsInvalid",
              SenderFault: true,
              Message: "The receipt handle has expired.",
            })),
          },
        } as never;
      },
      { step: "initialize", name: "refuseDeadLetterDeletes" },
    );
    const sent = await redriveDeadLetters(sqs, dlq, { ids: ["poison-2"] });
    expect(sent.moved).toBe(0);
    expect(sent.notFound).toEqual([]);
    expect(sent.failed).toEqual([
      {
        messageId: expect.any(String),
        reason: expect.stringMatching(
          /^sent back, but not deleted from the dead-letter queue \(.+\): it is in both/,
        ),
      },
    ]);
    sqs.destroy();
    expect((await drain(queue)).map((m) => JSON.parse(m.body).id)).toEqual(["poison-2"]);
    // Still there, as reported; a redrive with a working client then moves it.
    const again = await redriveDeadLetters(local.aws.clients.sqs, dlq, { ids: ["poison-2"] });
    expect(again).toMatchObject({ moved: 1, failed: [], notFound: [] });
    expect(await depth(dlq)).toBe(0);
    await drain(queue);
  });

  it("drains on SIGTERM: the handler in flight finishes, its message is deleted, the process exits 0", async () => {
    await local.bus().publish([assessed("sigterm-1")]);
    const fixture = fileURLToPath(new URL("./fixtures/sigterm-consumer.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", fixture], {
      cwd: fileURLToPath(new URL("..", import.meta.url)),
      env: {
        ...process.env,
        VIGIL_TEST_ENDPOINT: local.aws.endpoints.sqs,
        VIGIL_TEST_QUEUE_URL: local.queue("platform").url,
        VIGIL_TEST_DLQ_URL: local.queue("platform").deadLetterUrl,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const lines: Array<{ step: string; id?: string; stats?: { deleted: number; stoppedBy: string } }> = [];
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += String(d);
    });
    let buffered = "";
    child.stdout.on("data", (d) => {
      buffered += String(d);
      const parts = buffered.split("\n");
      buffered = parts.pop() ?? "";
      for (const p of parts) {
        const line = JSON.parse(p);
        lines.push(line);
        if (line.step === "handling") child.kill("SIGTERM");
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(lines.map((l) => l.step)).toEqual(["handling", "handled", "stopped"]);
    expect(lines[2]?.stats).toMatchObject({ deleted: 1, stoppedBy: "SIGTERM" });
    expect(await depth(local.queue("platform").url)).toBe(0);
  });

  it("deduplicates a redelivered event with an idempotency store", async () => {
    const event = assessed("dup-1");
    await local.bus().publish([event, event, event]);
    const seen: string[] = [];
    const stats = await consumeUntil(
      (e) => void seen.push(e.id),
      async () => (await depth(local.queue("platform").url)) === 0,
      { idempotency: new InMemoryIdempotencyStore(), retryDelaySeconds: 0 },
    );
    expect(seen).toEqual(["dup-1"]);
    expect(stats.handled).toBe(1);
    expect(stats.duplicates + stats.inProgress).toBeGreaterThanOrEqual(2);
  });
});
