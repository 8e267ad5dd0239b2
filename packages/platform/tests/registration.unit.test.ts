import { parseEvent } from "@vigil/events";
import { describe, expect, it } from "vitest";
import { hashRegistrationToken } from "../src/index.ts";
import { ACCOUNT, admin, testPlatform } from "./helpers.ts";

describe("integrations and registration tokens", () => {
  it("creates an integration and records only the token's hash", async () => {
    const p = testPlatform();
    const { res, json } = await p.createIntegration();
    expect(res.status).toBe(201);
    expect(json.registrationToken).toMatch(
      new RegExp(`^vigil-rt\\.${json.integrationId}\\.[A-Za-z0-9_-]{43}$`),
    );
    expect(json.expiresAt).toBe("2025-03-01T13:00:00.000Z");
    const log = await p.log();
    expect(log).toHaveLength(1);
    const event = parseEvent(log[0]);
    expect(event.ok && event.event.type).toBe("vigil.integration.registration-requested.v1");
    expect(JSON.stringify(log)).not.toContain(json.registrationToken);
    expect(JSON.stringify(log)).toContain(hashRegistrationToken(json.registrationToken));
  });

  it("exchanges the token once for an Ed25519 key pair and keeps only the key id", async () => {
    const p = testPlatform();
    const created = await p.createIntegration();
    const { res, json } = await p.exchange(created.json.registrationToken);
    expect(res.status).toBe(201);
    expect(json.privateKeyPem).toContain("BEGIN PRIVATE KEY");
    expect(json.keyId).toMatch(new RegExp(`^vigil-key\\.${created.json.integrationId}\\.`));
    expect(json.parameterName).toBe(`/vigil/${created.json.integrationId}/service-key`);
    const log = await p.log();
    expect(log.map((e) => e.type)).toEqual([
      "vigil.integration.registration-requested.v1",
      "vigil.integration.credentials-issued.v1",
    ]);
    expect(JSON.stringify(log)).not.toContain("PRIVATE KEY");
    const status = await p.app.request("/api/integrations", { headers: admin });
    const body = (await status.json()) as { integrations: { status: string; accountId: string }[] };
    expect(body.integrations).toMatchObject([{ status: "active", accountId: ACCOUNT }]);
  });

  it("refuses a reused token and writes nothing", async () => {
    const p = testPlatform();
    const created = await p.createIntegration();
    await p.exchange(created.json.registrationToken);
    const before = await p.log();
    const again = await p.exchange(created.json.registrationToken);
    expect(again.res.status).toBe(409);
    expect(again.json.error?.code).toBe("registration_token_used");
    expect(again.json.error?.message).toMatch(/registration-tokens/);
    expect(await p.log()).toEqual(before);
  });

  it("two concurrent exchanges of one token issue one credential", async () => {
    const p = testPlatform();
    const created = await p.createIntegration();
    const results = await Promise.all([
      p.exchange(created.json.registrationToken),
      p.exchange(created.json.registrationToken),
    ]);
    expect(results.map((r) => r.res.status).sort()).toEqual([201, 409]);
    expect((await p.log()).filter((e) => e.type === "vigil.integration.credentials-issued.v1")).toHaveLength(
      1,
    );
  });

  it("refuses an expired token (after one hour) and writes nothing", async () => {
    const p = testPlatform();
    const created = await p.createIntegration();
    p.advance(60 * 60 * 1000 - 1);
    const before = await p.log();
    p.advance(1);
    const late = await p.exchange(created.json.registrationToken);
    expect(late.res.status).toBe(410);
    expect(late.json.error?.code).toBe("registration_token_expired");
    expect(await p.log()).toEqual(before);
  });

  it("accepts a token one millisecond before it expires", async () => {
    const p = testPlatform();
    const created = await p.createIntegration();
    p.advance(60 * 60 * 1000 - 1);
    expect((await p.exchange(created.json.registrationToken)).res.status).toBe(201);
  });

  it.each([
    ["garbage", () => "not-a-token"],
    ["a token for an unknown integration", () => `vigil-rt.nope.${"A".repeat(43)}`],
  ])("refuses %s with 401 and writes nothing", async (_what, token) => {
    const p = testPlatform();
    await p.createIntegration();
    const before = await p.log();
    const r = await p.exchange(token());
    expect(r.res.status).toBe(401);
    expect(r.json.error?.code).toBe("registration_token_invalid");
    expect(await p.log()).toEqual(before);
  });

  it("refuses a forged secret for a real integration", async () => {
    const p = testPlatform();
    const created = await p.createIntegration();
    const forged = `vigil-rt.${created.json.integrationId}.${"B".repeat(43)}`;
    const before = await p.log();
    expect((await p.exchange(forged)).res.status).toBe(401);
    expect(await p.log()).toEqual(before);
  });

  it("a new token replaces the old one", async () => {
    const p = testPlatform();
    const created = await p.createIntegration();
    const res = await p.app.request(`/admin/integrations/${created.json.integrationId}/registration-tokens`, {
      method: "POST",
      headers: admin,
    });
    expect(res.status).toBe(201);
    const fresh = (await res.json()) as { registrationToken: string };
    expect((await p.exchange(created.json.registrationToken)).res.status).toBe(401);
    expect((await p.exchange(fresh.registrationToken)).res.status).toBe(201);
  });

  it("admin endpoints need the admin token", async () => {
    const p = testPlatform();
    const body = JSON.stringify({ accountId: ACCOUNT, homeRegion: "eu-west-1" });
    const none = await p.app.request("/admin/integrations", { method: "POST", body });
    const wrong = await p.app.request("/admin/integrations", {
      method: "POST",
      body,
      headers: { authorization: "Bearer nope" },
    });
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe("authentication_required");
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe("admin_token_invalid");
    expect(await p.log()).toEqual([]);
  });

  it("malformed JSON is a 400 that says so, and nothing is written", async () => {
    const p = testPlatform();
    const res = await p.app.request("/admin/integrations", {
      method: "POST",
      headers: admin,
      body: "{accountId:",
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("malformed_json");
    expect(await p.log()).toEqual([]);
  });

  it("an invalid field is named in the 400", async () => {
    const p = testPlatform();
    const { res, json } = await p.createIntegration({ accountId: "12", homeRegion: "eu-west-1" });
    expect(res.status).toBe(400);
    const body = json as unknown as { error: { code: string; message: string } };
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.message).toContain("accountId");
    expect(await p.log()).toEqual([]);
  });

  it("an unknown integration id is a 404", async () => {
    const p = testPlatform();
    const res = await p.app.request("/api/integrations/nope/assets", { headers: admin });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("integration_not_found");
  });
});
