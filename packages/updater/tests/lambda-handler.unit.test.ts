import {
  createEvent,
  type DeadLetterSink,
  eventAttributes,
  generateReleaseSigningKey,
  type IncomingMessage,
  SnsDeliveryError,
  type VigilEvent,
} from "@vigil/events";
import { describe, expect, it } from "vitest";
import { handler } from "../src/handlers/lambda.ts";
import {
  classifyUpdaterInvocation,
  createUpdaterHandler,
  NO_RELEASE_KEYS_DETAIL,
  type UpdaterRuntime,
  updaterEnvironment,
} from "../src/index.ts";
import { liveState, NOW, publishToMemory, world } from "./helpers/world.ts";

const key = generateReleaseSigningKey();
/** Spelled as infra's template sets them (`updaterEnvironment` in root.ts), plus what Lambda sets. */
const env = {
  VIGIL_INTEGRATION_ID: "int-1",
  VIGIL_ACCOUNT_ID: "123456789012",
  VIGIL_RELEASE_BUCKET: "vigil-releases",
  VIGIL_RELEASE_PUBLIC_KEYS: key.publicKeyPem,
  VIGIL_PLATFORM_URL: "https://vigil.example.com",
  VIGIL_AGENT_FUNCTION: "vigil-agent",
  VIGIL_UPDATER_FUNCTION: "vigil-updater",
  VIGIL_EVENT_TOPIC_ARN: "arn:aws:sns:eu-west-1:123456789012:vigil-events",
  VIGIL_ALERT_TOPIC_ARN: "arn:aws:sns:eu-west-1:123456789012:vigil-alerts",
  AWS_REGION: "eu-west-1",
};

class MemoryDeadLetters implements DeadLetterSink {
  readonly letters: Array<{ message: IncomingMessage; reason: string }> = [];
  async send(message: IncomingMessage, reason: string): Promise<void> {
    this.letters.push({ message, reason });
  }
}

/** The event shape SNS pushes to a `lambda` subscription. */
function snsPush(message: string, attributes: Record<string, string> = {}, messageId = "sns-msg-1") {
  return {
    Records: [
      {
        EventSource: "aws:sns",
        EventVersion: "1.0",
        EventSubscriptionArn: "arn:aws:sns:eu-west-1:123456789012:vigil-events:sub-1",
        Sns: {
          Type: "Notification",
          MessageId: messageId,
          TopicArn: "arn:aws:sns:eu-west-1:123456789012:vigil-events",
          Subject: null,
          Message: message,
          Timestamp: NOW.toISOString(),
          SignatureVersion: "1",
          Signature: "EXAMPLE",
          SigningCertUrl: "https://sns.eu-west-1.amazonaws.com/cert.pem",
          UnsubscribeUrl: "https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe",
          MessageAttributes: Object.fromEntries(
            Object.entries(attributes).map(([name, value]) => [name, { Type: "String", Value: value }]),
          ),
        },
      },
    ],
  };
}

function updateRequested(version?: string): VigilEvent {
  return createEvent(
    "vigil.update.requested.v1",
    { requestedBy: "admin@example.com", ...(version ? { version } : {}) },
    { source: "urn:vigil:platform", integrationId: "int-1", id: "evt-force-1", time: NOW },
  );
}

/** A handler over in-memory ports; `built` counts how often the runtime was built. */
function setup(running = "1.0.0", overrides: { trustedKeys?: UpdaterRuntime["deps"]["trustedKeys"] } = {}) {
  const w = world(running);
  const deadLetters = new MemoryDeadLetters();
  const lines: string[] = [];
  const built = { count: 0 };
  const handle = createUpdaterHandler({
    version: "1.0.0",
    now: () => NOW,
    log: (line) => lines.push(line),
    runtime: () => {
      built.count++;
      return {
        config: w.config,
        deps: { ...w.deps, ...(overrides.trustedKeys ? { trustedKeys: overrides.trustedKeys } : {}) },
        deadLetters,
      };
    },
  });
  return { w, deadLetters, lines, built, handle };
}

describe("updater Lambda: invocations", () => {
  it("answers a health check with its own version without building anything", async () => {
    const { handle, built } = setup();
    expect(await handle({ kind: "vigil.health-check", expectedVersion: "1.0.0" })).toEqual({
      ok: true,
      version: "1.0.0",
    });
    expect(built.count).toBe(0);
    // The module's own handler needs no configuration for it either.
    expect(await handler({ kind: "vigil.health-check", expectedVersion: "1.0.0" })).toEqual({
      ok: true,
      version: "0.0.0",
    });
  });

  it("applies the release named by an SNS-pushed vigil.update.requested.v1", async () => {
    const { w, handle, deadLetters } = setup("1.0.0");
    const { recorded } = publishToMemory(w.store, "1.2.0", w.key, { channel: false });
    w.hashes.record(recorded);
    const request = updateRequested("1.2.0");

    const result = await handle(snsPush(JSON.stringify(request), eventAttributes(request)));

    expect(result).toMatchObject({
      handled: [{ messageId: "sns-msg-1", outcome: "handled" }],
      updates: [{ kind: "applied", from: "1.0.0", to: "1.2.0" }],
    });
    expect(liveState(w).agent.releaseVersion).toBe("1.2.0");
    expect(deadLetters.letters).toEqual([]);
    // Ids derive from the event id, so a redelivery of the same request emits the same events.
    expect(w.events.events.every((e) => e.correlationid === request.id)).toBe(true);
  });

  it("dead-letters an SNS message that is not a valid event, with the reason, and updates nothing", async () => {
    const { w, handle, deadLetters } = setup("1.0.0");
    publishToMemory(w.store, "1.2.0", w.key);
    const invalid = JSON.stringify({ ...updateRequested("1.2.0"), data: { version: "latest" } });

    const result = await handle(
      snsPush(invalid, { type: "vigil.update.requested.v1", integrationId: "int-1" }, "sns-bad"),
    );

    expect(deadLetters.letters).toHaveLength(1);
    expect(deadLetters.letters[0]?.message.messageId).toBe("sns-bad");
    expect(deadLetters.letters[0]?.message.body).toBe(invalid);
    expect(deadLetters.letters[0]?.reason).toMatch(/version/);
    expect(result).toMatchObject({
      handled: [{ messageId: "sns-bad", outcome: "dead-lettered", reason: expect.stringMatching(/version/) }],
      updates: [],
    });
    expect(w.functions.mutations()).toEqual([]);
    expect(w.events.events).toEqual([]);
  });

  it("dead-letters an SNS message whose body is not JSON", async () => {
    const { handle, deadLetters } = setup();
    await handle(snsPush("not json"));
    expect(deadLetters.letters.map((l) => l.reason)).toEqual([expect.stringMatching(/not JSON/)]);
  });

  it("throws for Lambda to retry when the check failed transiently", async () => {
    const { w, handle, deadLetters } = setup("1.0.0");
    const { recorded } = publishToMemory(w.store, "1.2.0", w.key);
    w.hashes.record(recorded);
    w.hashes.failNext = 100; // the platform stays unreachable through every retry
    const request = updateRequested("1.2.0");

    await expect(handle(snsPush(JSON.stringify(request), eventAttributes(request)))).rejects.toBeInstanceOf(
      SnsDeliveryError,
    );
    expect(liveState(w).agent.releaseVersion).toBe("1.0.0");
    expect(deadLetters.letters).toEqual([]);
  });

  it("runs a scheduled check on the schedule's constant input", async () => {
    const { w, handle } = setup("1.0.0");
    const { recorded } = publishToMemory(w.store, "1.1.0", w.key);
    w.hashes.record(recorded);

    const outcome = await handle({ kind: "vigil.update-check" }, { awsRequestId: "req-1" });

    expect(outcome).toMatchObject({ kind: "applied", from: "1.0.0", to: "1.1.0" });
    expect(w.events.events[0]).toMatchObject({
      type: "vigil.update.check-started.v1",
      correlationid: "req-1",
    });
  });

  it("ignores what it does not know, without building anything", async () => {
    const { handle, built } = setup();
    expect(await handle({ hello: "world" })).toMatchObject({ ignored: expect.any(String) });
    expect(await handle({ Records: [{ eventSource: "aws:sqs", body: "{}" }] })).toMatchObject({
      ignored: expect.any(String),
    });
    expect(built.count).toBe(0);
  });

  it("classifies by shape", () => {
    expect(classifyUpdaterInvocation({ kind: "vigil.update-check" })).toEqual({ kind: "update-check" });
    expect(classifyUpdaterInvocation(snsPush("{}"))).toEqual({ kind: "sns" });
    expect(classifyUpdaterInvocation({ kind: "vigil.health-check", expectedVersion: "1.0.0" })).toEqual({
      kind: "health-check",
    });
    expect(classifyUpdaterInvocation({ Records: [] })).toEqual({ kind: "unknown" });
  });
});

describe("updater Lambda: no release key configured", () => {
  it("refuses every update and says what to set", async () => {
    const { w, handle } = setup("1.0.0", { trustedKeys: [] });
    const { recorded } = publishToMemory(w.store, "1.1.0", w.key);
    w.hashes.record(recorded);

    const outcome = await handle({ kind: "vigil.update-check" });

    expect(outcome).toMatchObject({
      kind: "refused",
      reason: "signature-invalid",
      detail: NO_RELEASE_KEYS_DETAIL,
    });
    expect(NO_RELEASE_KEYS_DETAIL).toContain("ReleasePublicKeys");
    expect(NO_RELEASE_KEYS_DETAIL).toContain("VIGIL_RELEASE_PUBLIC_KEYS");
    expect(liveState(w).agent.releaseVersion).toBe("1.0.0");
    expect(w.functions.mutations()).toEqual([]);
    expect(w.alerts.raised.map((a) => a.message)).toEqual([expect.stringContaining("ReleasePublicKeys")]);
    expect(w.events.types()).toContain("vigil.update.refused.v1");
  });

  it("is not a configuration error when the template's default (empty) is kept", () => {
    const parsed = updaterEnvironment({ ...env, VIGIL_RELEASE_PUBLIC_KEYS: "" });
    expect(parsed).toMatchObject({ trustedKeys: [] });
  });
});

describe("updater Lambda: environment", () => {
  it("reads the names the template sets", () => {
    const parsed = updaterEnvironment({
      ...env,
      VIGIL_PINNED_VERSION: "1.2.3",
      VIGIL_UPDATE_WINDOW: "sat,sun@01-05",
    });
    expect(parsed).toMatchObject({
      releaseBucket: "vigil-releases",
      trustedKeys: [{ keyId: key.keyId }],
      eventTopicArn: env.VIGIL_EVENT_TOPIC_ARN,
      alertTopicArn: env.VIGIL_ALERT_TOPIC_ARN,
      deadLetterQueueUrl: "https://sqs.eu-west-1.amazonaws.com/123456789012/vigil-updater-int-1-dlq",
      config: {
        integrationId: "int-1",
        source: "urn:vigil:updater:123456789012",
        channel: "stable",
        functionNames: { agent: "vigil-agent", updater: "vigil-updater" },
        policy: { pinnedVersion: "1.2.3", window: { days: [0, 6], startHour: 1, endHour: 5 } },
      },
    });
  });

  it("lists every configuration problem at once", () => {
    const parsed = updaterEnvironment({
      ...env,
      VIGIL_RELEASE_BUCKET: "",
      VIGIL_RELEASE_PUBLIC_KEYS: "not a key",
      VIGIL_PINNED_VERSION: "latest",
      VIGIL_RELEASE_CHANNEL: "nightly",
      AWS_REGION: "",
    });
    expect(parsed).toEqual({
      errors: [
        "VIGIL_RELEASE_BUCKET is not set",
        'VIGIL_RELEASE_CHANNEL must be stable or beta, not "nightly"',
        "VIGIL_RELEASE_PUBLIC_KEYS holds no PEM public key",
        "set VIGIL_DEAD_LETTER_QUEUE_URL, or VIGIL_ACCOUNT_ID and AWS_REGION to derive it",
        'VIGIL_PINNED_VERSION "latest" is not a semantic version like 1.4.2',
      ],
    });
  });
});
