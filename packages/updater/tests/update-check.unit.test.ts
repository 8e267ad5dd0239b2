import { generateReleaseSigningKey, parseEvent, releaseKeys } from "@vigil/events";
import { describe, expect, it } from "vitest";
import { runUpdateCheck } from "../src/index.ts";
import { artifact, liveState, NOW, publishToMemory, sha256, world } from "./helpers/world.ts";

const check = (w: ReturnType<typeof world>, extra: Partial<Parameters<typeof runUpdateCheck>[2]> = {}) =>
  runUpdateCheck(w.deps, w.config, { trigger: "schedule", now: NOW, checkId: "c1", ...extra });

describe("runUpdateCheck", () => {
  it("applies a verified release: every alias moves, health checked, events in order", async () => {
    const w = world("1.0.0");
    const { recorded } = publishToMemory(w.store, "1.1.0", w.key);
    w.hashes.record(recorded);

    const outcome = await check(w);

    expect(outcome).toEqual({
      kind: "applied",
      from: "1.0.0",
      to: "1.1.0",
      components: ["agent", "updater"],
    });
    const live = liveState(w);
    expect(live.agent.releaseVersion).toBe("1.1.0");
    expect(live.agent.codeSha256).toBe(sha256(artifact("agent 1.1.0")));
    expect(live.updater.releaseVersion).toBe("1.1.0");
    expect(w.functions.mutations()).toEqual([
      "updateFunctionCode vigil-agent",
      "publishVersion vigil-agent 1.1.0",
      "updateAlias vigil-agent live 2",
      "invokeHealthCheck vigil-agent live",
      "updateFunctionCode vigil-updater",
      "publishVersion vigil-updater 1.1.0",
      "updateAlias vigil-updater live 2",
      "invokeHealthCheck vigil-updater live",
    ]);
    expect(w.events.types()).toEqual([
      "vigil.update.check-started.v1",
      "vigil.update.available.v1",
      "vigil.update.available.v1",
      "vigil.update.applied.v1",
      "vigil.update.applied.v1",
    ]);
    // Every emitted event is valid against the catalogue.
    for (const e of w.events.events) expect(parseEvent(e).ok).toBe(true);
    expect(w.alerts.raised).toEqual([]);
  });

  it("emits the same event ids when the same invocation is retried", async () => {
    const a = world("1.0.0");
    const b = world("1.0.0");
    for (const w of [a, b]) {
      const { recorded } = publishToMemory(w.store, "1.1.0", w.key);
      w.hashes.record(recorded);
      await check(w);
    }
    expect(a.events.events.map((e) => e.id)).toEqual(b.events.events.map((e) => e.id));
  });

  it("is up to date when the channel release is the running one", async () => {
    const w = world("1.1.0");
    const { recorded } = publishToMemory(w.store, "1.1.0", w.key);
    w.hashes.record(recorded);
    expect((await check(w)).kind).toBe("up-to-date");
    expect(w.functions.mutations()).toEqual([]);
  });

  it("refuses a bit-flipped artifact: running version untouched, refused + alert", async () => {
    const w = world("1.0.0");
    const { recorded } = publishToMemory(w.store, "1.1.0", w.key);
    w.hashes.record(recorded);
    const key = releaseKeys.artifact("1.1.0", "agent.zip");
    const body = Buffer.from(w.store.objects.get(key) as Uint8Array);
    body[17] = (body[17] ?? 0) ^ 0x04;
    w.store.put(key, body);

    const outcome = await check(w);

    expect(outcome).toMatchObject({
      kind: "refused",
      reason: "sha256-mismatch",
      component: "agent",
      version: "1.1.0",
    });
    expect(w.functions.mutations()).toEqual([]);
    expect(liveState(w).agent.releaseVersion).toBe("1.0.0");
    const refused = w.events.events.find((e) => e.type === "vigil.update.refused.v1");
    expect(refused?.data).toMatchObject({ component: "agent", version: "1.1.0", reason: "sha256-mismatch" });
    const alert = w.events.events.find((e) => e.type === "vigil.update.alert-raised.v1");
    expect(alert?.data).toMatchObject({ severity: "critical", component: "agent" });
    expect(w.alerts.raised).toHaveLength(1);
    expect(w.alerts.raised[0]?.message).toContain("1.0.0 keeps running");
  });

  it("names the precise refusal reason in the event: hash-missing when the platform has no record", async () => {
    const w = world("1.0.0");
    publishToMemory(w.store, "1.1.0", w.key);
    expect(await check(w)).toMatchObject({ kind: "refused", reason: "hash-missing" });
    const refused = w.events.events.find((e) => e.type === "vigil.update.refused.v1");
    expect(refused?.data).toMatchObject({ version: "1.1.0", reason: "hash-missing" });
  });

  it("refuses a manifest signed by an unknown key", async () => {
    const w = world("1.0.0");
    const { recorded } = publishToMemory(w.store, "1.1.0", generateReleaseSigningKey());
    w.hashes.record(recorded);
    expect(await check(w)).toMatchObject({ kind: "refused", reason: "signature-invalid" });
    expect(w.functions.mutations()).toEqual([]);
  });

  it("refuses a manifest edited after signing (hash swapped to match a tampered file)", async () => {
    const w = world("1.0.0");
    publishToMemory(w.store, "1.1.0", w.key);
    const manifestKey = releaseKeys.channelManifest("stable");
    const edited = JSON.parse(Buffer.from(w.store.objects.get(manifestKey) as Uint8Array).toString());
    edited.files[0].sha256 = "0".repeat(64);
    w.store.put(manifestKey, JSON.stringify(edited, null, 2));
    expect(await check(w)).toMatchObject({ kind: "refused", reason: "signature-invalid" });
    expect(w.events.types()).toContain("vigil.update.refused.v1");
  });

  it("refuses a replayed older manifest (downgrade) with a high alert", async () => {
    const w = world("1.2.0");
    const { recorded } = publishToMemory(w.store, "1.1.0", w.key);
    w.hashes.record(recorded);
    expect(await check(w)).toMatchObject({ kind: "refused", reason: "downgrade", version: "1.1.0" });
    expect(w.functions.mutations()).toEqual([]);
    expect(w.alerts.raised[0]?.severity).toBe("high");
  });

  it("refuses when the platform recorded no hash for the version, or for one file", async () => {
    const w = world("1.0.0");
    publishToMemory(w.store, "1.1.0", w.key);
    expect(await check(w)).toMatchObject({ kind: "refused", reason: "hash-missing" });

    const w2 = world("1.0.0");
    const { recorded } = publishToMemory(w2.store, "1.1.0", w2.key);
    delete recorded.files["updater.zip"];
    w2.hashes.record(recorded);
    expect(await check(w2)).toMatchObject({ kind: "refused", reason: "hash-missing", component: "updater" });
    expect(w2.functions.mutations()).toEqual([]);
  });

  it("refuses when the platform's hash disagrees with the signed manifest", async () => {
    const w = world("1.0.0");
    const { recorded } = publishToMemory(w.store, "1.1.0", w.key);
    recorded.files["agent.zip"] = "f".repeat(64);
    w.hashes.record(recorded);
    expect(await check(w)).toMatchObject({ kind: "refused", reason: "hash-disagrees", component: "agent" });
  });

  it("refuses a truncated or oversized artifact as a size mismatch", async () => {
    for (const change of [(b: Buffer) => b.subarray(0, b.length - 1), (b: Buffer) => Buffer.concat([b, b])]) {
      const w = world("1.0.0");
      const { recorded } = publishToMemory(w.store, "1.1.0", w.key);
      w.hashes.record(recorded);
      const key = releaseKeys.artifact("1.1.0", "updater.zip");
      w.store.put(key, change(Buffer.from(w.store.objects.get(key) as Uint8Array)));
      expect(await check(w)).toMatchObject({
        kind: "refused",
        reason: "size-mismatch",
        component: "updater",
      });
      expect(w.functions.mutations()).toEqual([]);
    }
  });

  it("retries a transiently unreachable bucket and then succeeds", async () => {
    const w = world("1.0.0");
    const { recorded } = publishToMemory(w.store, "1.1.0", w.key);
    w.hashes.record(recorded);
    w.store.failNext = 2;
    expect((await check(w)).kind).toBe("applied");
    expect(w.sleeps).toEqual([100, 200]);
  });

  it("reports a failure without applying when the bucket stays unreachable", async () => {
    const w = world("1.0.0");
    const { recorded } = publishToMemory(w.store, "1.1.0", w.key);
    w.hashes.record(recorded);
    w.store.failNext = 99;
    const outcome = await check(w);
    expect(outcome).toMatchObject({ kind: "failed", reason: "release-unreachable", attempts: 3 });
    expect(w.functions.mutations()).toEqual([]);
    expect(w.events.types()).toEqual([
      "vigil.update.check-started.v1",
      "vigil.update.check-failed.v1",
      "vigil.update.alert-raised.v1",
    ]);
    const failed = w.events.events.find((e) => e.type === "vigil.update.check-failed.v1");
    expect(failed?.data).toMatchObject({
      reason: "release-unreachable",
      attempts: 3,
      currentVersion: "1.0.0",
    });
  });

  it("reports the platform unreachable separately", async () => {
    const w = world("1.0.0");
    const { recorded } = publishToMemory(w.store, "1.1.0", w.key);
    w.hashes.record(recorded);
    w.hashes.failNext = 99;
    expect(await check(w)).toMatchObject({ kind: "failed", reason: "platform-unreachable" });
    expect(w.functions.mutations()).toEqual([]);
  });

  it("rolls every moved alias back when a health check fails", async () => {
    const w = world("1.0.0");
    const { recorded } = publishToMemory(w.store, "1.1.0", w.key);
    w.hashes.record(recorded);
    w.functions.health = (fn) =>
      fn === "vigil-updater" ? { ok: false, detail: "boom" } : { ok: true, detail: "ok" };

    const outcome = await check(w);

    expect(outcome).toMatchObject({ kind: "rolled-back", component: "updater", version: "1.1.0" });
    const live = liveState(w);
    expect(live.agent).toMatchObject({ functionVersion: "1", releaseVersion: "1.0.0" });
    expect(live.agent.codeSha256).toBe(sha256(artifact("agent 1.0.0")));
    expect(live.updater).toMatchObject({ functionVersion: "1", releaseVersion: "1.0.0" });
    const rolledBack = w.events.events.filter((e) => e.type === "vigil.update.rolled-back.v1");
    expect(rolledBack.map((e) => e.data)).toEqual([
      expect.objectContaining({ component: "updater", fromVersion: "1.1.0", toVersion: "1.0.0" }),
      expect.objectContaining({ component: "agent", fromVersion: "1.1.0", toVersion: "1.0.0" }),
    ]);
    expect(w.events.types()).not.toContain("vigil.update.applied.v1");
    expect(w.alerts.raised[0]?.message).toContain("boom");
  });

  it("honours a pin: reads that version's manifest and ignores the channel", async () => {
    const w = world("1.0.0", { config: { policy: { pinnedVersion: "1.1.0" } } });
    const a = publishToMemory(w.store, "1.1.0", w.key);
    const b = publishToMemory(w.store, "1.2.0", w.key);
    w.hashes.record(a.recorded);
    w.hashes.record(b.recorded);
    expect(await check(w)).toMatchObject({ kind: "applied", to: "1.1.0" });
  });

  it("refuses a pinned version whose manifest key serves another version", async () => {
    const w = world("1.0.0", { config: { policy: { pinnedVersion: "1.1.0" } } });
    publishToMemory(w.store, "1.2.0", w.key);
    // Attacker copies 1.2.0's (validly signed) manifest over 1.1.0's key.
    for (const k of ["", ".sig"])
      w.store.put(
        `${releaseKeys.manifest("1.1.0")}${k}`,
        w.store.objects.get(`${releaseKeys.manifest("1.2.0")}${k}`) as Uint8Array,
      );
    expect(await check(w)).toMatchObject({ kind: "refused", reason: "manifest-invalid" });
  });

  it("defers outside the update window, also for a forced check", async () => {
    const w = world("1.0.0", { config: { policy: { window: { startHour: 22, endHour: 2 } } } });
    const { recorded } = publishToMemory(w.store, "1.1.0", w.key);
    w.hashes.record(recorded);
    expect(await check(w, { trigger: "force" })).toMatchObject({ kind: "deferred", version: "1.1.0" });
    expect(w.functions.mutations()).toEqual([]);
    expect(await check(w, { now: new Date("2030-01-07T23:30:00Z") })).toMatchObject({ kind: "applied" });
  });

  it("applies a changed template through a change set before the functions", async () => {
    const w = world("1.0.0", { stack: true });
    const template = Buffer.from('{"Resources":{"v":"1.1.0"}}');
    const { recorded } = publishToMemory(w.store, "1.1.0", w.key, { template });
    w.hashes.record(recorded);
    const outcome = await check(w);
    expect(outcome).toMatchObject({ kind: "applied", components: ["stack", "agent", "updater"] });
    expect(w.stack.template).toBe(template.toString());
    expect(w.stack.calls).toEqual(["createChangeSet vigil-update-1-1-0-c1", "executeChangeSet"]);
  });

  it("deletes a failing change set, leaves the stack and functions alone", async () => {
    const w = world("1.0.0", { stack: true });
    const { recorded } = publishToMemory(w.store, "1.1.0", w.key, { template: Buffer.from('{"x":1}') });
    w.hashes.record(recorded);
    w.stack.failChangeSet = "Template format error";
    expect(await check(w)).toMatchObject({ kind: "rolled-back", component: "stack" });
    expect(w.stack.template).toBe("{}");
    expect(w.stack.calls).toContain("deleteChangeSet");
    expect(w.stack.calls).not.toContain("executeChangeSet");
    expect(w.stack.liveChangeSets()).toBe(0);
    expect(w.functions.mutations()).toEqual([]);
  });

  it("refuses a tampered template", async () => {
    const w = world("1.0.0", { stack: true });
    const { recorded } = publishToMemory(w.store, "1.1.0", w.key, { template: Buffer.from('{"x":1}') });
    w.hashes.record(recorded);
    w.store.put(releaseKeys.artifact("1.1.0", "template.json"), '{"x":2}');
    expect(await check(w)).toMatchObject({ kind: "refused", reason: "sha256-mismatch", component: "stack" });
    expect(w.stack.calls).toEqual([]);
  });
});
