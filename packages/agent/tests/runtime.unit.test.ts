import {
  consumersFor,
  createEvent,
  exampleEvent,
  exampleEvents,
  UPDATER_OUTCOME_PREFIXES,
} from "@vigil/events";
import { describe, expect, it } from "vitest";
import {
  AgentConfigError,
  agentConfigFrom,
  COLLECTORS,
  classify,
  decideEvent,
  decideRescan,
  keepDraining,
  planShards,
  resolveSettings,
  SCAN_SHARD_KINDS,
  SERVICE_GROUPS,
  scanRegionsFor,
  shouldDrain,
} from "../src/index.ts";

const ENV = {
  AWS_REGION: "eu-west-1",
  VIGIL_INTEGRATION_ID: "int-1",
  VIGIL_PARAMETER_PREFIX: "/vigil/int-1",
  VIGIL_EVENTS_TOPIC_ARN: "arn:aws:sns:eu-west-1:123456789012:vigil-events-int-1",
  VIGIL_ALERTS_TOPIC_ARN: "arn:aws:sns:eu-west-1:123456789012:vigil-alerts-int-1",
  VIGIL_JOB_QUEUE_URL: "https://sqs.eu-west-1.amazonaws.com/123456789012/vigil-agent-jobs-int-1",
  VIGIL_EVENT_TABLE: "vigil-events-int-1",
  VIGIL_IDEMPOTENCY_TABLE: "vigil-idempotency-int-1",
};

describe("agent configuration", () => {
  it("reads the contract's variables, with the agent DLQ beside the job queue", () => {
    const config = agentConfigFrom({ ...ENV, VIGIL_SCAN_REGIONS: " eu-west-1, us-east-1 " });
    expect(config).toMatchObject({
      region: "eu-west-1",
      integrationId: "int-1",
      accountId: undefined,
      platformUrl: undefined,
      scanRegions: ["eu-west-1", "us-east-1"],
      deadLetterQueueUrl: "https://sqs.eu-west-1.amazonaws.com/123456789012/vigil-agent-int-1-dlq",
    });
  });

  it("names every missing or malformed variable at once", () => {
    let error: unknown;
    try {
      agentConfigFrom({ AWS_REGION: "eu-west-1", VIGIL_ACCOUNT_ID: "12", VIGIL_SCAN_REGIONS: "mars-1" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AgentConfigError);
    const problems = (error as AgentConfigError).problems;
    for (const name of [
      "VIGIL_INTEGRATION_ID",
      "VIGIL_PARAMETER_PREFIX",
      "VIGIL_EVENTS_TOPIC_ARN",
      "VIGIL_ALERTS_TOPIC_ARN",
      "VIGIL_JOB_QUEUE_URL",
      "VIGIL_EVENT_TABLE",
      "VIGIL_IDEMPOTENCY_TABLE",
    ])
      expect(problems).toContain(`${name} is not set`);
    expect(problems.join("\n")).toMatch(/VIGIL_ACCOUNT_ID is "12", expected 12 digits/);
    expect(problems.join("\n")).toMatch(/VIGIL_SCAN_REGIONS has mars-1/);
    expect(problems).toHaveLength(9);
  });

  it("takes the stack's policies and disabled checks, and refuses ids that do not exist", () => {
    const config = agentConfigFrom({
      ...ENV,
      VIGIL_POLICIES: "vigil-default,cis-aws-5.0",
      VIGIL_DISABLED_CHECKS: "vigil.ec2.instance-no-public-ip",
    });
    expect(config).toMatchObject({
      policies: ["vigil-default", "cis-aws-5.0"],
      disabledChecks: ["vigil.ec2.instance-no-public-ip"],
    });
    expect(() => agentConfigFrom({ ...ENV, VIGIL_POLICIES: "pci" })).toThrow(/VIGIL_POLICIES: Policy "pci"/);
    expect(() => agentConfigFrom({ ...ENV, VIGIL_DISABLED_CHECKS: "vigil.nope" })).toThrow(
      /VIGIL_DISABLED_CHECKS: Check "vigil.nope" does not exist/,
    );
  });
});

describe("scan settings", () => {
  const mute = {
    id: "m1",
    owner: "o",
    reason: "r",
    expiresAt: "2099-01-01T00:00:00.000Z",
    match: {
      checkId: "vigil.ec2.instance-no-public-ip",
      arn: "arn:aws:ec2:eu-west-1:123456789012:instance/i-1",
    },
  };
  it("lays the platform's command over the stack's defaults", () => {
    const stack = { policies: ["cis-aws-5.0"], disabledChecks: ["a.b", "c.d"] };
    expect(resolveSettings(stack, undefined)).toEqual({
      selection: { policies: ["cis-aws-5.0"], enabledChecks: [], disabledChecks: ["a.b", "c.d"] },
      mutes: [],
    });
    expect(
      resolveSettings(stack, {
        policies: ["aws-fsbp"],
        enabledChecks: ["a.b"],
        disabledChecks: ["e.f"],
        mutes: [mute],
      }),
    ).toEqual({
      selection: { policies: ["aws-fsbp"], enabledChecks: ["a.b"], disabledChecks: ["c.d", "e.f"] },
      mutes: [mute],
    });
    expect(resolveSettings({}, undefined).selection).toEqual({ enabledChecks: [], disabledChecks: [] });
  });

  it("records a valid settings command and rejects one naming an unknown check, with the reason", () => {
    const meta = { source: "urn:vigil:platform:x", integrationId: "int-1", id: "e1" };
    const command = (disabledChecks: string[]) =>
      createEvent(
        "vigil.scan.settings-changed.v1",
        { enabledChecks: [], disabledChecks, mutes: [mute], changedBy: "admin" },
        meta,
      );
    expect(decideEvent(command(["vigil.ec2.instance-no-public-ip"]), "int-1")).toEqual({
      action: "record-settings",
      changedBy: "admin",
    });
    expect(decideEvent(command(["vigil.no-such-check"]), "int-1")).toMatchObject({
      action: "reject",
      reason: expect.stringMatching(/Check "vigil.no-such-check" does not exist/),
    });
  });
});

describe("the updater's outcomes", () => {
  it("are relayed to the platform; its other facts are only acknowledged", () => {
    const meta = { source: "urn:vigil:updater:123456789012", integrationId: "int-1" };
    const alert = createEvent(
      "vigil.update.alert-raised.v1",
      { component: "agent", severity: "critical", message: "agent.zip differs from its recorded hash" },
      meta,
    );
    expect(decideEvent(alert, "int-1")).toEqual({ action: "forward-to-platform" });
    const started = createEvent(
      "vigil.update.check-started.v1",
      exampleEvent("vigil.update.check-started.v1").data,
      meta,
    );
    expect(decideEvent(started, "int-1")).toMatchObject({ action: "acknowledge" });
    // Another integration's: not this agent's to relay.
    expect(decideEvent(alert, "int-2")).toMatchObject({ action: "acknowledge" });
    // Every outcome the agent's subscription takes is relayed, and only those.
    for (const event of exampleEvents().filter((e) => e.type.startsWith("vigil.update."))) {
      const relayed = UPDATER_OUTCOME_PREFIXES.some((p) => event.type.startsWith(p));
      expect(consumersFor(event.type).includes("agent")).toBe(relayed);
      expect(decideEvent(event, event.integrationid).action).toBe(
        relayed ? "forward-to-platform" : "acknowledge",
      );
    }
  });
});

describe("agent configuration: the platform URL", () => {
  it("requires https, except on loopback for local runs", () => {
    for (const url of [
      "https://platform.example",
      "http://127.0.0.1:8787",
      "http://localhost:3000",
      "http://[::1]:9",
    ])
      expect(agentConfigFrom({ ...ENV, VIGIL_PLATFORM_URL: url }).platformUrl).toBe(url);
    for (const url of ["http://platform.example", "http://192.168.1.10:8787", "not a url"]) {
      let error: unknown;
      try {
        agentConfigFrom({ ...ENV, VIGIL_PLATFORM_URL: url });
      } catch (e) {
        error = e;
      }
      expect(error, url).toBeInstanceOf(AgentConfigError);
      expect((error as AgentConfigError).problems.join("\n"), url).toMatch(
        /VIGIL_PLATFORM_URL .*https:\/\/.*(127\.0\.0\.1|localhost)/,
      );
    }
  });
});

describe("routing decisions", () => {
  it("recognises SNS pushes and EC2 state changes", () => {
    expect(classify({ Records: [{ EventSource: "aws:sns", Sns: {} }] })).toEqual({ kind: "sns" });
    expect(classify({ Records: [{ eventSource: "aws:sqs", body: "{}" }] })).toEqual({ kind: "sqs" });
    expect(
      classify({ source: "aws.ec2", "detail-type": "EC2 Instance State-change Notification", detail: {} }),
    ).toEqual({ kind: "instance-state-change" });
    expect(classify({ kind: "vigil.scan" })).toEqual({ kind: "scan" });
  });

  const meta = { source: "urn:vigil:platform:x", integrationId: "int-1", id: "e1" };
  it("starts a requested scan, tears down on a platform delete request, acknowledges the rest", () => {
    const requested = createEvent(
      "vigil.scan.requested.v1",
      { scanId: "s1", trigger: "on-demand", regions: ["eu-west-1"] },
      meta,
    );
    expect(decideEvent(requested, "int-1")).toEqual({
      action: "start-scan",
      scanId: "s1",
      regions: ["eu-west-1"],
    });
    expect(decideEvent(requested, "int-2")).toMatchObject({ action: "acknowledge" });
    const del = (requestedBy: "platform" | "stack-deletion") =>
      createEvent("vigil.integration.delete-requested.v1", { accountId: "123456789012", requestedBy }, meta);
    expect(decideEvent(del("platform"), "int-1")).toEqual({ action: "tear-down" });
    expect(decideEvent(del("stack-deletion"), "int-1")).toMatchObject({ action: "acknowledge" });
    const resumed = createEvent(
      "vigil.scan.resumed.v1",
      { scanId: "s1", pausedMs: 1, remainingShards: 1 },
      meta,
    );
    expect(decideEvent(resumed, "int-1")).toMatchObject({ action: "acknowledge" });
  });

  it("scans the requested, else configured, else enabled regions, home first, never a disabled one", () => {
    const enabled = ["us-east-1", "eu-west-1", "ap-south-1"];
    expect(
      scanRegionsFor({ requested: undefined, configured: undefined, enabled, home: "eu-west-1" }),
    ).toEqual(["eu-west-1", "ap-south-1", "us-east-1"]);
    expect(
      scanRegionsFor({
        requested: ["us-east-1", "xx-east-9"],
        configured: ["ap-south-1"],
        enabled,
        home: "eu-west-1",
      }),
    ).toEqual(["us-east-1"]);
    expect(
      scanRegionsFor({ requested: undefined, configured: ["ap-south-1"], enabled, home: "eu-west-1" }),
    ).toEqual(["ap-south-1"]);
  });

  it("debounces instance changes into one rescan per instance and window, one to two windows later", () => {
    const change = (at: number, instanceId = "i-0abc") => ({
      instanceId,
      state: "running",
      region: "eu-west-1",
      accountId: "123456789012",
      at,
    });
    const w = 60_000;
    const t0 = 10 * w;
    const a = decideRescan(change(t0 + 1_000), t0 + 1_000, w);
    const b = decideRescan(change(t0 + 59_000), t0 + 59_500, w);
    expect(a.scanId).toBe(b.scanId);
    expect(a.delayMs).toBe(2 * w - 1_000);
    expect(b.delayMs).toBe(2 * w - 59_500);
    expect(decideRescan(change(t0 + w), t0 + w, w).scanId).not.toBe(a.scanId);
    expect(decideRescan(change(t0, "i-0def"), t0, w).scanId).not.toBe(a.scanId);
  });

  it("drains only when jobs wait, and stops with ~60 s left or an empty receive", () => {
    expect(shouldDrain({ visible: 0, delayed: 0, inFlight: 0 })).toBe(false);
    expect(shouldDrain({ visible: 0, delayed: 2, inFlight: 0 })).toBe(true);
    expect(keepDraining(3, 61_000)).toBe(true);
    expect(keepDraining(3, 60_000)).toBe(false);
    expect(keepDraining(0, 600_000)).toBe(false);
  });
});

describe("scan shards", () => {
  it("the service groups run every collector exactly once, and name the types their collectors produce", async () => {
    const loaded = await Promise.all(SERVICE_GROUPS.map(async (g) => ({ group: g, ...(await g.load()) })));
    const ids = loaded.flatMap((g) => [...g.collectors, ...(g.everyRegion ?? [])].map((c) => c.id));
    expect([...ids].sort()).toEqual(COLLECTORS.map((c) => c.id).sort());
    for (const g of loaded) {
      const produced = [
        ...new Set([...g.collectors, ...(g.everyRegion ?? [])].flatMap((c) => c.resourceTypes)),
      ];
      expect(g.group.assetTypes, g.group.service).toEqual(produced);
    }
  });

  it("plans the account shard once, in the home region", () => {
    const shards = planShards(["eu-west-1", "us-east-1"], SCAN_SHARD_KINDS, "eu-west-1");
    expect(shards.filter((s) => s.service === "account").map((s) => s.shardId)).toEqual([
      "eu-west-1/account",
    ]);
    // Global groups (the account, CloudFront) once; regional ones in each region.
    const global = SERVICE_GROUPS.filter((g) => g.scope === "global").length;
    expect(global).toBeGreaterThan(1);
    expect(shards.filter((s) => s.service === "cloudfront").map((s) => s.shardId)).toEqual([
      "eu-west-1/cloudfront",
    ]);
    expect(shards).toHaveLength(2 * (SERVICE_GROUPS.length - global) + global);
  });
});
