import { createEvent } from "@vigil/events";
import { describe, expect, it } from "vitest";
import { ACCOUNT, admin, assessed, asset, testPlatform } from "./helpers.ts";

const heartbeat = JSON.stringify({ agentVersion: "1.4.0", enabledRegions: ["eu-west-1"] });

async function errorOf(res: Response) {
  return ((await res.json()) as { error: { code: string; message: string } }).error;
}

describe("signed agent endpoints", () => {
  it("accepts a signed heartbeat and serves it as the last heartbeat", async () => {
    const p = testPlatform();
    const agent = await p.registeredAgent();
    const res = await p.signed(agent, "/agent/heartbeat", heartbeat);
    expect(res.status).toBe(202);
    const view = await p.app.request(`/api/integrations/${agent.integrationId}`, { headers: admin });
    const body = (await view.json()) as {
      integration: { lastHeartbeat: { at: string; agentVersion: string } };
    };
    expect(body.integration.lastHeartbeat).toMatchObject({
      at: p.now().toISOString(),
      agentVersion: "1.4.0",
    });
  });

  it("ingests a batch of events and serves the latest report per asset and the counts", async () => {
    const p = testPlatform();
    const agent = await p.registeredAgent();
    const bucket = asset("eu-west-1", "logs");
    const counts = createEvent(
      "vigil.counts.resource-counts-reported.v1",
      { scanId: "scan-1", counts: { "aws.s3.bucket": { "eu-west-1": 1 } }, total: 1 },
      { source: "urn:vigil:agent:1", integrationId: agent.integrationId, time: p.now() },
    );
    const older = assessed(agent.integrationId, bucket, "2025-03-01T11:00:00.000Z", ["critical", "high"]);
    const newer = assessed(agent.integrationId, bucket, "2025-03-01T11:30:00.000Z", ["low"]);
    // Delivered out of order: the newer assessment must still win.
    const res = await p.signed(agent, "/agent/events", JSON.stringify({ events: [newer, older, counts] }));
    expect(res.status).toBe(202);
    const reports = await p.app.request(
      `/api/integrations/${agent.integrationId}/reports?arn=${bucket.arn}`,
      {
        headers: admin,
      },
    );
    const body = (await reports.json()) as { reports: { assessedAt: string }[] };
    expect(body.reports).toHaveLength(1);
    expect(body.reports[0]?.assessedAt).toBe("2025-03-01T11:30:00.000Z");
    const c = await p.app.request(`/api/integrations/${agent.integrationId}/counts`, { headers: admin });
    expect(((await c.json()) as { counts: { total: number } }).counts.total).toBe(1);
  });

  it("a retried batch is recorded once", async () => {
    const p = testPlatform();
    const agent = await p.registeredAgent();
    const body = JSON.stringify({
      events: [assessed(agent.integrationId, asset("eu-west-1", "a"), p.now().toISOString(), [])],
    });
    await p.signed(agent, "/agent/events", body);
    p.advance(1000); // a new signature, same events
    expect((await p.signed(agent, "/agent/events", body)).status).toBe(202);
    expect((await p.log()).filter((e) => e.type === "vigil.scan.asset-assessed.v1")).toHaveLength(1);
  });

  describe("refusals write nothing", () => {
    it("unsigned request", async () => {
      const p = testPlatform();
      await p.registeredAgent();
      const before = await p.log();
      const res = await p.app.request("/agent/heartbeat", { method: "POST", body: heartbeat });
      expect(res.status).toBe(401);
      expect((await errorOf(res)).code).toBe("signature_missing");
      expect(await p.log()).toEqual(before);
    });

    it("bad signature (signed with another key)", async () => {
      const p = testPlatform();
      const agent = await p.registeredAgent();
      const other = await p.registeredAgent();
      const before = await p.log();
      const res = await p.signed(
        { keyId: agent.keyId, privateKeyPem: other.privateKeyPem },
        "/agent/heartbeat",
        heartbeat,
      );
      expect(res.status).toBe(401);
      expect((await errorOf(res)).code).toBe("signature_invalid");
      expect(await p.log()).toEqual(before);
    });

    it("body changed after signing", async () => {
      const p = testPlatform();
      const agent = await p.registeredAgent();
      const before = await p.log();
      const signedFor = await import("@vigil/events").then((m) =>
        m.signRequest({
          method: "POST",
          path: "/agent/heartbeat",
          body: heartbeat,
          keyId: agent.keyId,
          privateKeyPem: agent.privateKeyPem,
          now: p.now(),
        }),
      );
      const res = await p.app.request("/agent/heartbeat", {
        method: "POST",
        headers: signedFor,
        body: heartbeat.replace("1.4.0", "9.9.9"),
      });
      expect(res.status).toBe(401);
      expect((await errorOf(res)).code).toBe("digest_mismatch");
      expect(await p.log()).toEqual(before);
    });

    it("stale request (more than five minutes of skew)", async () => {
      const p = testPlatform();
      const agent = await p.registeredAgent();
      const before = await p.log();
      const res = await p.signed(agent, "/agent/heartbeat", heartbeat, {
        signedAt: new Date(p.now().getTime() - 5 * 60_000 - 1),
      });
      expect(res.status).toBe(401);
      const error = await errorOf(res);
      expect(error.code).toBe("request_stale");
      expect(error.message).toMatch(/clock/);
      expect(await p.log()).toEqual(before);
    });

    it("replayed request (same signature within the window)", async () => {
      const p = testPlatform();
      const agent = await p.registeredAgent();
      const signedAt = p.now();
      expect((await p.signed(agent, "/agent/heartbeat", heartbeat, { signedAt })).status).toBe(202);
      const before = await p.log();
      p.advance(60_000);
      const again = await p.signed(agent, "/agent/heartbeat", heartbeat, { signedAt });
      expect(again.status).toBe(401);
      expect((await errorOf(again)).code).toBe("request_replayed");
      expect(await p.log()).toEqual(before);
    });

    it("unknown key id", async () => {
      const p = testPlatform();
      const agent = await p.registeredAgent();
      const before = await p.log();
      const res = await p.signed({ ...agent, keyId: "someone-else" }, "/agent/heartbeat", heartbeat);
      expect(res.status).toBe(401);
      expect((await errorOf(res)).code).toBe("unknown_key");
      expect(await p.log()).toEqual(before);
    });

    it("oversized body", async () => {
      const p = testPlatform();
      const agent = await p.registeredAgent();
      const before = await p.log();
      const res = await p.signed(
        agent,
        "/agent/events",
        JSON.stringify({ events: [], pad: "x".repeat(70 * 1024) }),
      );
      expect(res.status).toBe(413);
      expect((await errorOf(res)).code).toBe("body_too_large");
      expect(await p.log()).toEqual(before);
    });

    it("malformed JSON", async () => {
      const p = testPlatform();
      const agent = await p.registeredAgent();
      const before = await p.log();
      const res = await p.signed(agent, "/agent/events", '{"events": [');
      expect(res.status).toBe(400);
      expect((await errorOf(res)).code).toBe("malformed_json");
      expect(await p.log()).toEqual(before);
    });

    it("an event that fails its contract refuses the whole batch", async () => {
      const p = testPlatform();
      const agent = await p.registeredAgent();
      const before = await p.log();
      const good = assessed(agent.integrationId, asset("eu-west-1", "a"), p.now().toISOString(), []);
      const bad = {
        ...good,
        id: "other",
        data: { ...good.data, asset: { ...good.data.asset, accountId: "abc" } },
      };
      const res = await p.signed(agent, "/agent/events", JSON.stringify({ events: [good, bad] }));
      expect(res.status).toBe(400);
      const error = await errorOf(res);
      expect(error.code).toBe("event_invalid");
      expect(error.message).toContain("events[1]");
      expect(error.message).toContain("data.asset.accountId");
      expect(await p.log()).toEqual(before);
    });

    it("an event for another integration", async () => {
      const p = testPlatform();
      const agent = await p.registeredAgent();
      const other = await p.registeredAgent();
      const before = await p.log();
      const res = await p.signed(
        agent,
        "/agent/events",
        JSON.stringify({
          events: [assessed(other.integrationId, asset("eu-west-1", "a"), p.now().toISOString(), [])],
        }),
      );
      expect(res.status).toBe(400);
      const error = await errorOf(res);
      expect(error.code).toBe("event_refused");
      expect(error.message).toContain(`integrationid is "${other.integrationId}"`);
      expect(await p.log()).toEqual(before);
    });

    it("a lifecycle event only the platform records", async () => {
      const p = testPlatform();
      const agent = await p.registeredAgent();
      const before = await p.log();
      const forged = createEvent(
        "vigil.integration.credentials-issued.v1",
        { accountId: ACCOUNT, credentialId: "x", issuedAt: p.now().toISOString(), parameterName: "/x" },
        { source: "urn:evil", integrationId: agent.integrationId },
      );
      const res = await p.signed(agent, "/agent/events", JSON.stringify({ events: [forged] }));
      expect(res.status).toBe(400);
      expect((await errorOf(res)).code).toBe("event_refused");
      expect(await p.log()).toEqual(before);
    });
  });
});
