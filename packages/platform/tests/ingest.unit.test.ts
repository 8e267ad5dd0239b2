import { catalogue, createEvent, type VigilEvent } from "@vigil/events";
import { describe, expect, it } from "vitest";
import { AGENT_EMITTED_TYPES, PLATFORM_ONLY_TYPES } from "../src/ingest/agent-events.ts";
import { memoryStorage } from "../src/storage.ts";
import { ACCOUNT, assessed, asset, testPlatform } from "./helpers.ts";

/**
 * The probes of issue 16 against report ingest: a request is recorded whole or not at all, whatever
 * streams its events go to and however many there are; large events by claim check; a changed
 * event under a known id is a 409 naming the id; agents record only what agents emit.
 */

async function errorOf(res: Response) {
  return ((await res.json()) as { error: { code: string; message: string; details?: unknown } }).error;
}

function scanEvents(integrationId: string, n: number, scanId = "scan-1", from = 0): VigilEvent[] {
  return Array.from({ length: n }, (_, i) => {
    const e = assessed(
      integrationId,
      asset("eu-west-1", `bucket-${from + i}`),
      "2025-03-01T11:00:00.000Z",
      [],
    );
    return { ...e, data: { ...e.data, scanId } } as VigilEvent;
  });
}

const reportsIn = (log: { type: string }[]) => log.filter((e) => e.type === "vigil.scan.asset-assessed.v1");

describe("ingest is atomic per request", () => {
  it("100 events of a scan whose stream already exists are accepted whole (the agent's batch size)", async () => {
    const p = testPlatform(undefined, { maxBodyBytes: 1024 * 1024 });
    const agent = await p.registeredAgent();
    const first = scanEvents(agent.integrationId, 1);
    expect((await p.signed(agent, "/agent/events", JSON.stringify({ events: first }))).status).toBe(202);
    const next = scanEvents(agent.integrationId, 100, "scan-1", 1);
    const res = await p.signed(agent, "/agent/events", JSON.stringify({ events: next }));
    expect(res.status).toBe(202);
    expect(reportsIn(await p.log())).toHaveLength(101);
  });

  it("a request above one transaction (150 events of one scan) is refused whole with 413, never a 500", async () => {
    const p = testPlatform(undefined, { maxBodyBytes: 1024 * 1024 });
    const agent = await p.registeredAgent();
    const before = await p.log();
    const res = await p.signed(
      agent,
      "/agent/events",
      JSON.stringify({ events: scanEvents(agent.integrationId, 150) }),
    );
    expect(res.status).toBe(413);
    const error = await errorOf(res);
    expect(error.code).toBe("batch_too_large");
    expect(error.message).toContain("100");
    expect(await p.log()).toEqual(before);
  });

  it("a request over two streams is written whole or not at all (the second too large: nothing of the first)", async () => {
    const p = testPlatform(undefined, { maxBodyBytes: 1024 * 1024 });
    const agent = await p.registeredAgent();
    await p.signed(
      agent,
      "/agent/events",
      JSON.stringify({ events: scanEvents(agent.integrationId, 1, "scan-b") }),
    );
    const before = await p.log();
    const events = [
      ...scanEvents(agent.integrationId, 1, "scan-a"),
      ...scanEvents(agent.integrationId, 100, "scan-b", 10),
    ];
    const res = await p.signed(agent, "/agent/events", JSON.stringify({ events }));
    expect(res.status).toBe(413);
    expect(await p.log()).toEqual(before);
  });

  it("lifecycle and scan events in one request land together", async () => {
    const p = testPlatform();
    const agent = await p.registeredAgent();
    const deleteRequested = createEvent(
      "vigil.integration.delete-requested.v1",
      { accountId: ACCOUNT, requestedBy: "stack-deletion" },
      { source: `urn:vigil:agent:${ACCOUNT}`, integrationId: agent.integrationId, time: p.now() },
    );
    const events = [...scanEvents(agent.integrationId, 2), deleteRequested];
    expect((await p.signed(agent, "/agent/events", JSON.stringify({ events }))).status).toBe(202);
    const log = await p.log();
    expect(reportsIn(log)).toHaveLength(2);
    expect(log.filter((e) => e.type === "vigil.integration.delete-requested.v1")).toHaveLength(1);
    const integration = await p.store.readStream(`integration#${agent.integrationId}`);
    expect(integration.events.map((e) => e.event.type)).toContain("vigil.integration.delete-requested.v1");
  });

  it("a changed event under a known id is a 409 naming the id, and nothing of its request is recorded", async () => {
    const p = testPlatform();
    const agent = await p.registeredAgent();
    const [original] = scanEvents(agent.integrationId, 1);
    if (!original) throw new Error("no event");
    await p.signed(agent, "/agent/events", JSON.stringify({ events: [original] }));
    const before = await p.log();
    p.advance(1000);
    const changed = { ...original, data: { ...original.data, assessedAt: "2025-03-01T11:59:00.000Z" } };
    const fresh = scanEvents(agent.integrationId, 1, "scan-1", 50);
    const res = await p.signed(agent, "/agent/events", JSON.stringify({ events: [...fresh, changed] }));
    expect(res.status).toBe(409);
    const error = await errorOf(res);
    expect(error.code).toBe("event_id_conflict");
    expect(error.message).toContain(original.id);
    expect(await p.log()).toEqual(before);
  });

  it("the same event again (a retry) is accepted and recorded once, alongside new ones", async () => {
    const p = testPlatform();
    const agent = await p.registeredAgent();
    const [original] = scanEvents(agent.integrationId, 1);
    await p.signed(agent, "/agent/events", JSON.stringify({ events: [original] }));
    p.advance(1000);
    const res = await p.signed(
      agent,
      "/agent/events",
      JSON.stringify({ events: [original, ...scanEvents(agent.integrationId, 2, "scan-1", 10)] }),
    );
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ accepted: 3, recorded: 2, duplicates: 1 });
    expect(reportsIn(await p.log())).toHaveLength(3);
  });

  it("the same fact re-sent with a new envelope time is a duplicate: the first recorded time stands", async () => {
    const p = testPlatform();
    const agent = await p.registeredAgent();
    const [original] = scanEvents(agent.integrationId, 1);
    if (!original) throw new Error("no event");
    await p.signed(agent, "/agent/events", JSON.stringify({ events: [original] }));
    p.advance(1000);
    const restamped = { ...original, time: "2025-03-01T12:00:05.000Z" };
    const res = await p.signed(agent, "/agent/events", JSON.stringify({ events: [restamped] }));
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ recorded: 0, duplicates: 1 });
    expect(reportsIn(await p.log()).map((e) => (e as unknown as { time: string }).time)).toEqual([
      original.time,
    ]);
  });

  it("one id twice in a request with different content is refused", async () => {
    const p = testPlatform();
    const agent = await p.registeredAgent();
    const [e] = scanEvents(agent.integrationId, 1);
    if (!e) throw new Error("no event");
    const twin = { ...e, data: { ...e.data, assessedAt: "2025-03-01T11:01:00.000Z" } };
    const res = await p.signed(agent, "/agent/events", JSON.stringify({ events: [e, twin] }));
    expect(res.status).toBe(409);
    expect((await errorOf(res)).message).toContain(e.id);
  });

  it("a 430 KB event is stored by claim check and read back whole (the platform's own storage)", async () => {
    const p = testPlatform(undefined, { maxBodyBytes: 1024 * 1024, eventStore: memoryStorage().eventStore });
    const agent = await p.registeredAgent();
    const [e] = scanEvents(agent.integrationId, 1);
    if (!e) throw new Error("no event");
    const data = e.data as { results: { evidence?: string }[] };
    const big = {
      ...e,
      data: {
        ...data,
        results: Array.from({ length: 430 }, (_, i) => ({
          checkId: `c-${i}`,
          status: "fail",
          severity: "low",
          title: `check ${i}`,
          evidence: "x".repeat(1000),
        })),
      },
    };
    expect(JSON.stringify(big).length).toBeGreaterThan(430_000);
    const res = await p.signed(agent, "/agent/events", JSON.stringify({ events: [big] }));
    expect(res.status).toBe(202);
    const stored = reportsIn(await p.log())[0] as unknown as { data: { results: unknown[] } };
    expect(stored.data.results).toHaveLength(430);
  });
});

describe("agents record only what agents emit", () => {
  it("an agent may not record update.requested (a platform command)", async () => {
    const p = testPlatform();
    const agent = await p.registeredAgent();
    const before = await p.log();
    const forged = createEvent(
      "vigil.update.requested.v1",
      { requestedBy: "attacker" },
      { source: `urn:vigil:agent:${ACCOUNT}`, integrationId: agent.integrationId },
    );
    const res = await p.signed(agent, "/agent/events", JSON.stringify({ events: [forged] }));
    expect(res.status).toBe(400);
    expect(JSON.stringify(await errorOf(res))).toContain("event_type_not_allowed");
    expect(await p.log()).toEqual(before);
  });

  it("every event type in the catalogue is classified: emitted by agents, or by the platform only", () => {
    const types = catalogue.map((d) => d.type);
    for (const type of types) {
      expect(AGENT_EMITTED_TYPES.has(type) !== PLATFORM_ONLY_TYPES.has(type), type).toBe(true);
    }
    for (const type of [
      "vigil.update.requested.v1",
      "vigil.release.hashes-recorded.v1",
      "vigil.integration.registration-requested.v1",
      "vigil.integration.credentials-issued.v1",
      "vigil.integration.credentials-revoked.v1",
    ]) {
      expect(PLATFORM_ONLY_TYPES.has(type), type).toBe(true);
    }
  });
});
