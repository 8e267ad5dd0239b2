import { createEvent } from "@vigil/events";
import { describe, expect, it } from "vitest";
import { ACCOUNT, admin, testPlatform } from "./helpers.ts";

const lifecycle = (integrationId: string, now: Date) => ({
  deleteRequested: createEvent(
    "vigil.integration.delete-requested.v1",
    { accountId: ACCOUNT, requestedBy: "stack-deletion" },
    { source: `urn:vigil:agent:${ACCOUNT}`, integrationId, time: now },
  ),
  cleaned: createEvent(
    "vigil.integration.resources-cleaned-up.v1",
    { accountId: ACCOUNT, removed: { volumes: 2 }, failures: [] },
    { source: `urn:vigil:agent:${ACCOUNT}`, integrationId, time: now },
  ),
  deleted: createEvent(
    "vigil.integration.deleted.v1",
    { accountId: ACCOUNT, deletedAt: now.toISOString() },
    { source: `urn:vigil:agent:${ACCOUNT}`, integrationId, time: now },
  ),
});

describe("integration lifecycle", () => {
  it("records a registration without stack facts, with the token's expiry", async () => {
    const p = testPlatform();
    const { json } = await p.createIntegration();
    const [event] = await p.log();
    expect(event?.data).not.toHaveProperty("stackId");
    expect(event?.data).not.toHaveProperty("agentVersion");
    expect(event?.data).toMatchObject({ registrationTokenExpiresAt: json.expiresAt });
  });

  it("is deleted by the agent's teardown report, refuses the old key, and is installed again with its history", async () => {
    const p = testPlatform();
    const agent = await p.registeredAgent();
    const id = agent.integrationId;
    const status = async () =>
      (
        (await (await p.app.request(`/api/integrations/${id}`, { headers: admin })).json()) as {
          integration: { status: string };
        }
      ).integration.status;
    expect(await status()).toBe("active");

    p.advance(1000);
    const e = lifecycle(id, p.now());
    expect(
      (await p.signed(agent, "/agent/events", JSON.stringify({ events: [e.deleteRequested] }))).status,
    ).toBe(202);
    expect(await status()).toBe("deleting");
    // While the stack cleans up, no new token.
    const early = await p.app.request(`/admin/integrations/${id}/registration-tokens`, {
      method: "POST",
      headers: admin,
    });
    expect(early.status).toBe(409);
    p.advance(1000);
    expect(
      (await p.signed(agent, "/agent/events", JSON.stringify({ events: [e.cleaned, e.deleted] }))).status,
    ).toBe(202);
    expect(await status()).toBe("deleted");
    p.advance(1000);
    const refused = await p.signed(agent, "/agent/heartbeat", JSON.stringify({ agentVersion: "1.0.0" }));
    expect(refused.status).toBe(403);

    p.advance(60_000);
    const token = await p.app.request(`/admin/integrations/${id}/registration-tokens`, {
      method: "POST",
      headers: admin,
    });
    expect(token.status).toBe(201);
    expect(await status()).toBe("registering");
    const { res } = await p.exchange(
      ((await token.json()) as { registrationToken: string }).registrationToken,
    );
    expect(res.status).toBe(201);
    expect(await status()).toBe("active");
    // The old key stays refused after the re-installation.
    p.advance(1000);
    expect(
      (await p.signed(agent, "/agent/heartbeat", JSON.stringify({ agentVersion: "1.0.0" }))).status,
    ).toBe(401);

    const events = (await (
      await p.app.request(`/api/integrations/${id}/events`, { headers: admin })
    ).json()) as {
      events: { type: string }[];
    };
    expect(events.events.map((x) => x.type)).toEqual([
      "vigil.integration.registration-requested.v1",
      "vigil.integration.credentials-issued.v1",
      "vigil.integration.delete-requested.v1",
      "vigil.integration.resources-cleaned-up.v1",
      "vigil.integration.deleted.v1",
      "vigil.integration.registration-requested.v1",
      "vigil.integration.credentials-issued.v1",
    ]);
  });
});

describe("releases", () => {
  const sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  const body = (files: Record<string, { sha256: string; size: number }>) =>
    JSON.stringify({ version: "2.0.0", files });

  it("records hashes once (admin only) and serves them in the updater's shape, publicly", async () => {
    const p = testPlatform();
    const unauthorized = await p.app.request("/releases", {
      method: "POST",
      body: body({ "agent.zip": { sha256: sha, size: 1 } }),
    });
    expect(unauthorized.status).toBe(401);
    expect((await p.app.request("/releases/2.0.0/hashes")).status).toBe(404);
    const first = await p.app.request("/releases", {
      method: "POST",
      headers: admin,
      body: body({ "agent.zip": { sha256: sha, size: 1 } }),
    });
    expect(first.status).toBe(201);
    const again = await p.app.request("/releases", {
      method: "POST",
      headers: admin,
      body: body({ "agent.zip": { sha256: sha, size: 1 } }),
    });
    expect(again.status).toBe(200);
    const changed = await p.app.request("/releases", {
      method: "POST",
      headers: admin,
      body: body({ "agent.zip": { sha256: "1".repeat(64), size: 1 } }),
    });
    expect(changed.status).toBe(409);
    const served = await p.app.request("/releases/2.0.0/hashes");
    expect(await served.json()).toEqual({ version: "2.0.0", files: { "agent.zip": sha } });
    const types = (await p.log()).map((e) => e.type);
    expect(types).toEqual(["vigil.release.hashes-recorded.v1"]);
  });

  it("refuses a malformed hash and names the field", async () => {
    const p = testPlatform();
    const res = await p.app.request("/releases", {
      method: "POST",
      headers: admin,
      body: body({ "agent.zip": { sha256: "XYZ", size: 1 } }),
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("files.agent.zip.sha256");
    expect(await p.log()).toEqual([]);
  });
});
