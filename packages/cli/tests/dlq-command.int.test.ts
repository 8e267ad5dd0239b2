import { ReceiveMessageCommand } from "@aws-sdk/client-sqs";
import { createEvent, sqsDeadLetterSink } from "@vigil/events";
import { type LocalAws, type ProvisionedStack, provisionLocalStack, startLocalAws } from "@vigil/testkit";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { register } from "../src/commands/dlq.ts";

/**
 * `vigil dlq list|show|redrive` as an operator runs it against the local stack: the dead letter's
 * reason listed, an id that is not there said so (exit 1), the letter moved back to its queue.
 */

const INTEGRATION = "dlq-cli";
let aws: LocalAws<false>;
let stack: ProvisionedStack;

beforeAll(async () => {
  aws = await startLocalAws({ dynamodb: false });
  stack = await provisionLocalStack(aws, { integrationId: INTEGRATION });
}, 120_000);
afterAll(() => aws?.stop());

/** `vigil dlq <args>` in process: what it printed and its exit code. */
async function dlq(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((t: unknown) => void out.push(String(t)));
  const error = vi.spyOn(console, "error").mockImplementation((t: unknown) => void err.push(String(t)));
  process.exitCode = undefined;
  try {
    const program = new Command("vigil").exitOverride();
    register(program);
    await program.parseAsync(
      ["dlq", ...args, "--integration", INTEGRATION, "--endpoint", aws.endpoints.sqs, "--region", aws.region],
      {
        from: "user",
      },
    );
    return { code: process.exitCode ?? 0, stdout: out.join("\n"), stderr: err.join("\n") };
  } finally {
    process.exitCode = undefined;
    log.mockRestore();
    error.mockRestore();
  }
}

describe("vigil dlq on the local stack", () => {
  it("lists a dead letter with its reason, says when an id is not there, and moves the letter back", async () => {
    const queue = stack.queues.platform;
    if (!queue) throw new Error("the local stack has no platform queue");
    const poison = createEvent(
      "vigil.scan.requested.v1",
      { scanId: "scan-dlq", trigger: "on-demand" },
      { source: "urn:vigil:test", integrationId: INTEGRATION },
    );
    await sqsDeadLetterSink({
      sqs: aws.clients.sqs,
      deadLetterUrl: queue.deadLetter.url,
      sourceQueue: queue.name,
    }).send(
      { messageId: "m-dlq-1", body: JSON.stringify(poison), attributes: {}, receiveCount: 5 },
      "handler-failed: the platform was down",
    );

    const listed = await dlq(["list", "--json"]);
    expect(listed.code).toBe(0);
    const letters = JSON.parse(listed.stdout) as { eventId: string; reason: string; sourceQueue: string }[];
    expect(letters).toEqual([
      expect.objectContaining({
        eventId: poison.id,
        reason: "handler-failed: the platform was down",
        sourceQueue: queue.name,
      }),
    ]);

    const missing = await dlq(["show", "no-such-letter"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no dead letter with message id or event id "no-such-letter"');

    const notThere = await dlq(["redrive", "--ids", "no-such-letter"]);
    expect(notThere.code).toBe(1);
    expect(notThere.stdout).toContain("moved 0");
    expect(notThere.stderr).toContain(
      "not among the dead letters read (up to --max 1000): no-such-letter; `vigil dlq list` shows what is there",
    );

    const moved = await dlq(["redrive", "--ids", poison.id]);
    expect(moved.stderr).toBe("");
    expect(moved.code).toBe(0);
    expect(moved.stdout).toMatch(
      /^moved 1 \(0 republished to their topic, the rest to .+\), skipped 0, failed 0$/,
    );
    expect(JSON.parse((await dlq(["list", "--json"])).stdout)).toEqual([]);
    const back = await aws.clients.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queue.url, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    expect((back.Messages ?? []).map((m) => JSON.parse(m.Body ?? "{}").id)).toEqual([poison.id]);
  }, 60_000);
});
