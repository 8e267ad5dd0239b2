import { InMemoryEventStore } from "@vigil/events";
import { describe, expect, it } from "vitest";
import { hashPassword } from "../src/auth/passwords.ts";
import { platformConfig } from "../src/config.ts";
import { createApp } from "../src/index.ts";
import { ADMIN_TOKEN, admin, testPlatform } from "./helpers.ts";

/**
 * The probes of issue 16 against the platform's sign-in, each a request an attacker (or a browser
 * driven by one) would send; none may write anything.
 */

const integrationBody = JSON.stringify({ accountId: "123456789012", homeRegion: "eu-west-1" });
const ORIGIN = "http://localhost";

async function code(res: Response) {
  return ((await res.json()) as { error: { code: string } }).error.code;
}

// Hashing is deliberately slow: the users are hashed once for the file.
const USERS = [
  { name: "alice", role: "admin" as const, passwordHash: hashPassword("alice-password-123") },
  { name: "victor", role: "viewer" as const, passwordHash: hashPassword("victor-password-123") },
];

function teamPlatform() {
  // A frozen clock, as testPlatform's: sign-in failures are counted in fixed five-minute windows,
  // and on the wall clock a window could end between the guesses and the check.
  const now = new Date("2025-03-01T12:00:00.000Z");
  const store = new InMemoryEventStore({ now: () => now });
  const app = createApp({
    eventStore: store,
    config: platformConfig({ adminToken: ADMIN_TOKEN, users: USERS }),
    clock: () => now,
  });
  const signIn = async (user: string, password: string) => {
    const res = await app.request(`${ORIGIN}/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN },
      body: new URLSearchParams({ user, password }).toString(),
    });
    const cookie = res.headers.get("set-cookie") ?? "";
    return { res, cookie, session: cookie.split(";")[0] ?? "" };
  };
  const csrfOf = async (session: string) =>
    (
      (await (await app.request(`${ORIGIN}/api/session`, { headers: { cookie: session } })).json()) as {
        csrfToken: string;
      }
    ).csrfToken;
  const log = async () => (await store.readAll()).events;
  return { app, signIn, csrfOf, log };
}

describe("admin authentication cannot be forged", () => {
  it("Basic auth is refused, whatever the user name", async () => {
    const p = testPlatform();
    for (const user of ["admin", "anyone", ""]) {
      const res = await p.app.request("/admin/integrations", {
        method: "POST",
        headers: {
          authorization: `Basic ${Buffer.from(`${user}:${ADMIN_TOKEN}`).toString("base64")}`,
          "content-type": "application/json",
        },
        body: integrationBody,
      });
      expect(res.status).toBe(401);
    }
    expect(await p.log()).toEqual([]);
  });

  it("JSON routes take application/json only (a cross-site form sends text/plain or urlencoded)", async () => {
    const p = testPlatform();
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
    ]) {
      const admins = await p.app.request("/admin/integrations", {
        method: "POST",
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": type },
        body: integrationBody,
      });
      expect(admins.status, type).toBe(415);
      const release = await p.app.request("/releases", {
        method: "POST",
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": type },
        body: JSON.stringify({
          version: "9.9.9",
          files: { "agent.zip": { sha256: "a".repeat(64), size: 1 } },
        }),
      });
      expect(release.status, type).toBe(415);
      const exchange = await p.app.request("/registrations/exchange", {
        method: "POST",
        headers: { "content-type": type },
        body: JSON.stringify({ token: "vigil-rt.x.y" }),
      });
      expect(exchange.status, type).toBe(415);
    }
    expect(await p.log()).toEqual([]);
  });

  it("wrong admin tokens are rate limited per address: past the limit even the right one waits", async () => {
    const p = testPlatform();
    for (let i = 0; i < 10; i++) {
      const res = await p.app.request("/api/integrations", {
        headers: { authorization: `Bearer wrong-${i}` },
      });
      expect(res.status).toBe(401);
    }
    const blocked = await p.app.request("/admin/integrations", {
      method: "POST",
      headers: admin,
      body: integrationBody,
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await p.log()).toEqual([]);
    p.advance(5 * 60_000);
    expect((await p.app.request("/api/integrations", { headers: admin })).status).toBe(200);
  });

  it("wrong registration tokens count too", async () => {
    const p = testPlatform();
    const { json } = await p.createIntegration();
    for (let i = 0; i < 10; i++)
      expect((await p.exchange(`vigil-rt.${json.integrationId}.guess${i}`)).res.status).toBe(401);
    expect((await p.exchange(json.registrationToken)).res.status).toBe(429);
  });
});

describe("security headers", () => {
  it("every page and the key exchange: CSP, no framing, no caching", async () => {
    const p = testPlatform();
    const { json } = await p.createIntegration();
    const responses = [
      await p.app.request("/dashboard", { headers: admin }),
      await p.app.request("/sign-in"),
      await p.app.request("/api/integrations", { headers: admin }),
      (await p.exchange(json.registrationToken)).res,
    ];
    for (const res of responses) {
      expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
      expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    }
    const page = await (await p.app.request("/dashboard", { headers: admin })).text();
    expect(page).not.toContain("<style");
    expect(page).not.toContain("<script");
  });
});

describe("users, roles and sessions", () => {
  it("a user signs in to an HttpOnly, SameSite=Strict session cookie", async () => {
    const t = teamPlatform();
    const { res, cookie, session } = await t.signIn("alice", "alice-password-123");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/dashboard");
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await t.app.request(`${ORIGIN}/dashboard`, { headers: { cookie: session } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("alice (admin)");
  });

  it("wrong passwords and unknown users are refused alike, and count toward the limit", async () => {
    const t = teamPlatform();
    expect((await t.signIn("alice", "nope")).res.status).toBe(401);
    expect((await t.signIn("mallory", "alice-password-123")).res.status).toBe(401);
    expect((await t.signIn("admin", ADMIN_TOKEN)).res.status).toBe(401); // users configured: no token sign-in
    for (let i = 0; i < 7; i++) await t.signIn("alice", `guess-${i}`);
    expect((await t.signIn("alice", "alice-password-123")).res.status).toBe(429);
  });

  it("a forged or tampered session is no session", async () => {
    const t = teamPlatform();
    const { session } = await t.signIn("victor", "victor-password-123");
    const [name, value] = session.split("=");
    const [v, payload, mac] = (value ?? "").split(".");
    const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString()) as { role: string };
    const forged = Buffer.from(JSON.stringify({ ...claims, role: "admin" })).toString("base64url");
    const res = await t.app.request(`${ORIGIN}/api/integrations`, {
      headers: { cookie: `${name}=${v}.${forged}.${mac}` },
    });
    expect(res.status).toBe(401);
  });

  it("a viewer reads but cannot change anything", async () => {
    const t = teamPlatform();
    const { session } = await t.signIn("victor", "victor-password-123");
    expect((await t.app.request(`${ORIGIN}/api/integrations`, { headers: { cookie: session } })).status).toBe(
      200,
    );
    const csrf = await t.csrfOf(session);
    const res = await t.app.request(`${ORIGIN}/admin/integrations`, {
      method: "POST",
      headers: { cookie: session, origin: ORIGIN, "x-csrf-token": csrf, "content-type": "application/json" },
      body: integrationBody,
    });
    expect(res.status).toBe(403);
    expect(await code(res)).toBe("role_insufficient");
    expect(await t.log()).toEqual([]);
  });

  it("an admin's session writes only from the platform's origin and with its CSRF token", async () => {
    const t = teamPlatform();
    const { session } = await t.signIn("alice", "alice-password-123");
    const csrf = await t.csrfOf(session);
    const post = (headers: Record<string, string>) =>
      t.app.request(`${ORIGIN}/admin/integrations`, {
        method: "POST",
        headers: { cookie: session, "content-type": "application/json", ...headers },
        body: integrationBody,
      });
    const crossSite = await post({ origin: "https://evil.example", "x-csrf-token": csrf });
    expect(crossSite.status).toBe(403);
    expect(await code(crossSite)).toBe("cross_origin");
    const noToken = await post({ origin: ORIGIN });
    expect(noToken.status).toBe(403);
    expect(await code(noToken)).toBe("csrf_token_invalid");
    expect(await t.log()).toEqual([]);
    expect((await post({ origin: ORIGIN, "x-csrf-token": csrf })).status).toBe(201);
  });

  it("a sign-in form on another site cannot sign the browser in", async () => {
    const t = teamPlatform();
    const res = await t.app.request(`${ORIGIN}/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" },
      body: new URLSearchParams({ user: "alice", password: "alice-password-123" }).toString(),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("the dashboard sends a browser without a session to the sign-in page", async () => {
    const t = teamPlatform();
    const res = await t.app.request(`${ORIGIN}/dashboard`);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/sign-in?next=%2Fdashboard");
  });

  it("configured users carry hashes, never passwords", () => {
    expect(() =>
      platformConfig({
        adminToken: ADMIN_TOKEN,
        users: [{ name: "bob", role: "admin", passwordHash: "hunter2" }],
      }),
    ).toThrow(/scrypt hash/);
  });
});
