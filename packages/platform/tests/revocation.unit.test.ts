import { createEvent } from "@vigil/events";
import { describe, expect, it } from "vitest";
import { ACCOUNT, admin, testPlatform } from "./helpers.ts";

/**
 * `POST /agent/credentials/revoke`: the agent's custom resource gives back the key it was just
 * issued when its stack's Create fails after the exchange, so the integration is not left `active`
 * with a key nothing holds.
 */

const REVOKE = "/agent/credentials/revoke";
const reason = JSON.stringify({ reason: "The SSM write failed: AccessDeniedException" });

async function errorOf(res: Response) {
  return ((await res.json()) as { error: { code: string; message: string } }).error;
}

async function statusOf(p: ReturnType<typeof testPlatform>, id: string) {
  const res = await p.app.request(`/api/integrations/${id}`, { headers: admin });
  return ((await res.json()) as { integration: { status: string } }).integration.status;
}

describe("revoking the service key", () => {
  it("records the revocation, refuses the key afterwards, and puts the integration back to registering", async () => {
    const p = testPlatform();
    const agent = await p.registeredAgent();
    const id = agent.integrationId;
    expect(await statusOf(p, id)).toBe("active");

    p.advance(1000);
    const res = await p.signed(agent, REVOKE, reason);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ integrationId: id, keyId: agent.keyId, revoked: true });

    const log = await p.log();
    const issued = log.find((e) => e.type === "vigil.integration.credentials-issued.v1");
    const revoked = log.find((e) => e.type === "vigil.integration.credentials-revoked.v1");
    expect(revoked).toMatchObject({
      integrationid: id,
      source: "urn:vigil:platform",
      causationid: issued?.id,
      data: {
        accountId: ACCOUNT,
        credentialId: agent.keyId,
        revokedAt: p.now().toISOString(),
        reason: "The SSM write failed: AccessDeniedException",
      },
    });
    expect(await statusOf(p, id)).toBe("registering");

    p.advance(1000);
    const refused = await p.signed(agent, "/agent/heartbeat", JSON.stringify({ agentVersion: "1.0.0" }));
    expect(refused.status).toBe(401);
    expect((await errorOf(refused)).code).toBe("credentials_revoked");
    const events = await p.signed(
      agent,
      "/agent/events",
      JSON.stringify({
        events: [
          createEvent(
            "vigil.integration.stack-created.v1",
            {
              accountId: ACCOUNT,
              stack: {
                stackId: "arn:aws:cloudformation:eu-west-1:123456789012:stack/vigil/1",
                stackName: "vigil",
                region: "eu-west-1",
                templateVersion: "1.0.0",
              },
              enabledRegions: [],
            },
            { source: `urn:vigil:agent:${ACCOUNT}`, integrationId: id, time: p.now() },
          ),
        ],
      }),
    );
    expect(events.status).toBe(401);
  });

  it("is idempotent: a retried revocation (the first answer was lost) succeeds and records nothing more", async () => {
    const p = testPlatform();
    const agent = await p.registeredAgent();
    expect((await p.signed(agent, REVOKE, reason)).status).toBe(200);
    const after = await p.log();
    p.advance(1000);
    const again = await p.signed(agent, REVOKE, reason);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ revoked: true, alreadyRevoked: true });
    expect(await p.log()).toEqual(after);
  });

  it("the used token stays used; a new token can be issued and exchanged, and the integration is active again", async () => {
    const p = testPlatform();
    const created = await p.createIntegration();
    const { json: exchanged } = await p.exchange(created.json.registrationToken);
    const agent = { keyId: exchanged.keyId as string, privateKeyPem: exchanged.privateKeyPem as string };
    expect((await p.signed(agent, REVOKE, reason)).status).toBe(200);

    const reused = await p.exchange(created.json.registrationToken);
    expect(reused.res.status).toBe(409);
    expect(reused.json.error?.code).toBe("registration_token_used");

    p.advance(60_000);
    const token = await p.app.request(
      `/admin/integrations/${created.json.integrationId}/registration-tokens`,
      {
        method: "POST",
        headers: admin,
      },
    );
    expect(token.status).toBe(201);
    const second = await p.exchange(
      ((await token.json()) as { registrationToken: string }).registrationToken,
    );
    expect(second.res.status).toBe(201);
    expect(await statusOf(p, created.json.integrationId)).toBe("active");
    p.advance(1000);
    const fresh = { keyId: second.json.keyId as string, privateKeyPem: second.json.privateKeyPem as string };
    expect(
      (await p.signed(fresh, "/agent/heartbeat", JSON.stringify({ agentVersion: "1.0.0" }))).status,
    ).toBe(202);
    // The revoked key stays revoked after the new exchange.
    expect(
      (await p.signed(agent, "/agent/heartbeat", JSON.stringify({ agentVersion: "1.0.0" }))).status,
    ).toBe(401);
  });

  describe("refusals write nothing", () => {
    it("an unsigned request", async () => {
      const p = testPlatform();
      await p.registeredAgent();
      const before = await p.log();
      const res = await p.app.request(REVOKE, { method: "POST", body: reason });
      expect(res.status).toBe(401);
      expect(await p.log()).toEqual(before);
    });

    it("a key that was replaced by a newer one", async () => {
      const p = testPlatform();
      const created = await p.createIntegration();
      const { json: first } = await p.exchange(created.json.registrationToken);
      const token = await p.app.request(
        `/admin/integrations/${created.json.integrationId}/registration-tokens`,
        {
          method: "POST",
          headers: admin,
        },
      );
      await p.exchange(((await token.json()) as { registrationToken: string }).registrationToken);
      const before = await p.log();
      const res = await p.signed(
        { keyId: first.keyId as string, privateKeyPem: first.privateKeyPem as string },
        REVOKE,
        reason,
      );
      expect(res.status).toBe(401);
      expect((await errorOf(res)).code).toBe("unknown_key");
      expect(await p.log()).toEqual(before);
    });

    it("while the integration is being deleted", async () => {
      const p = testPlatform();
      const agent = await p.registeredAgent();
      const deleting = createEvent(
        "vigil.integration.delete-requested.v1",
        { accountId: ACCOUNT, requestedBy: "stack-deletion" },
        { source: `urn:vigil:agent:${ACCOUNT}`, integrationId: agent.integrationId, time: p.now() },
      );
      expect((await p.signed(agent, "/agent/events", JSON.stringify({ events: [deleting] }))).status).toBe(
        202,
      );
      const before = await p.log();
      p.advance(1000);
      const res = await p.signed(agent, REVOKE, reason);
      expect(res.status).toBe(409);
      expect((await errorOf(res)).code).toBe("integration_deleting");
      expect(await p.log()).toEqual(before);
    });

    it("a reason longer than the contract allows", async () => {
      const p = testPlatform();
      const agent = await p.registeredAgent();
      const before = await p.log();
      const res = await p.signed(agent, REVOKE, JSON.stringify({ reason: "x".repeat(2000) }));
      expect(res.status).toBe(400);
      expect(await p.log()).toEqual(before);
    });
  });
});
