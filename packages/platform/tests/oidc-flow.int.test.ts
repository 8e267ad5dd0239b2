import { cookieBrowser, oidcSettingsFor, startTestIdp, type TestIdp } from "@vigil/testkit/oidc";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  displayName,
  OIDC_FLOW_TTL_MS,
  type OidcSettings,
  roleFromClaims,
  validateOidcSettings,
} from "../src/auth/oidc.ts";
import { seal, verifySession } from "../src/auth/sessions.ts";
import { platformConfig } from "../src/config.ts";
import { parsePlatformSecrets } from "../src/handlers/lambda.ts";
import { type RunningPlatform, startPlatform } from "../src/server.ts";
import { ADMIN_TOKEN } from "./helpers.ts";

/**
 * Sign-in through an OpenID Connect provider, against a real one on loopback (oidc-provider): the
 * whole code flow over HTTP, then every way a sign-in must be refused without giving a session.
 */

let idp: TestIdp;
let platform: RunningPlatform;
let clockOffsetMs = 0;

beforeAll(async () => {
  idp = await startTestIdp();
  idp.users = {
    alice: { email: "alice@example.com", groups: ["staff", "vigil-admins"] },
    victor: { email: "victor@example.com", groups: ["vigil-readers"] },
    mallory: { email: "mallory@example.com", groups: ["staff"] },
  };
  platform = await startPlatform({
    adminToken: ADMIN_TOKEN,
    clock: () => new Date(Date.now() + clockOffsetMs),
    config: {
      oidc: oidcSettingsFor(idp),
    },
  });
  idp.allowRedirect(`${platform.url}/sign-in/oidc/callback`);
});

afterAll(async () => {
  await platform?.stop();
  await idp?.stop();
});

/** Starts a sign-in and follows the provider until it sends the browser back; does not call back. */
async function toCallback(user: string, next = "/dashboard") {
  idp.signInAs = user;
  const browser = cookieBrowser();
  const start = await browser.get(`${platform.url}/sign-in/oidc?next=${encodeURIComponent(next)}`);
  // The last hop the platform would answer is the callback: stop there to look at it.
  const callback = start.hops.find((h) => h.startsWith(`${platform.url}/sign-in/oidc/callback`));
  return { browser, start, callback };
}

async function session(cookie: string) {
  const res = await fetch(`${platform.url}/api/session`, { headers: { cookie } });
  return {
    status: res.status,
    body: res.status === 200 ? ((await res.json()) as { user: string; role: string }) : undefined,
  };
}

describe("OIDC sign-in", () => {
  it("the sign-in page offers the provider", async () => {
    const page = await (await fetch(`${platform.url}/sign-in?next=/dashboard/integrations`)).text();
    expect(page).toContain("Sign in with Example SSO");
    expect(page).toContain('href="/sign-in/oidc?next=%2Fdashboard%2Fintegrations"');
    expect(page).toContain('name="password"'); // passwords too, by default
  });

  it("with password sign-in off, the provider is the only way in for people; machines keep the token", async () => {
    const p = await startPlatform({
      adminToken: ADMIN_TOKEN,
      config: { oidc: { ...oidcSettingsFor(idp), passwordSignIn: false } },
    });
    try {
      const page = await (await fetch(`${p.url}/sign-in`)).text();
      expect(page).toContain("Sign in with Example SSO");
      expect(page).not.toContain('name="password"');
      const res = await fetch(`${p.url}/sign-in`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: p.url },
        body: new URLSearchParams({ user: "admin", password: ADMIN_TOKEN }).toString(),
        redirect: "manual",
      });
      expect(res.status).toBe(403);
      expect(res.headers.getSetCookie()).toEqual([]);
      expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({
        code: "password_sign_in_off",
        message: expect.stringContaining("sign in with Example SSO at /sign-in/oidc"),
      });
      const machine = await fetch(`${p.url}/admin/integrations`, {
        method: "POST",
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify({ accountId: "123456789012", homeRegion: "eu-west-1" }),
      });
      expect(machine.status).toBe(201);
    } finally {
      await p.stop();
    }
  });

  it("a member of the admin group signs in as admin and lands where they were going", async () => {
    const { browser, start, callback } = await toCallback("alice", "/dashboard/integrations");
    expect(callback).toBeDefined();
    expect(start.res.status).toBe(200);
    const page = await start.res.text();
    expect(page).toContain('<meta http-equiv="refresh" content="0;url=/dashboard/integrations" />');
    expect(page).toContain("Signed in as alice@example.com");
    expect(browser.jar.has("vigil_oidc")).toBe(false); // the flow is spent
    expect(await session(browser.cookieHeader())).toEqual({
      status: 200,
      body: expect.objectContaining({ user: "alice@example.com", role: "admin" }),
    });
    // The session works like a password one: the dashboard opens.
    const dashboard = await fetch(`${platform.url}/dashboard`, {
      headers: { cookie: browser.cookieHeader() },
    });
    expect(dashboard.status).toBe(200);
  });

  it("a member of the reader group is a viewer, and a viewer cannot write", async () => {
    const { browser } = await toCallback("victor");
    const cookie = browser.cookieHeader();
    expect(await session(cookie)).toEqual({
      status: 200,
      body: expect.objectContaining({ user: "victor@example.com", role: "viewer" }),
    });
    const { csrfToken } = (await (
      await fetch(`${platform.url}/api/session`, { headers: { cookie } })
    ).json()) as {
      csrfToken: string;
    };
    const write = await fetch(`${platform.url}/admin/integrations`, {
      method: "POST",
      headers: {
        cookie,
        origin: platform.url,
        "x-csrf-token": csrfToken,
        "content-type": "application/json",
      },
      body: JSON.stringify({ accountId: "123456789012", homeRegion: "eu-west-1" }),
    });
    expect(write.status).toBe(403);
    expect(((await write.json()) as { error: { code: string } }).error.code).toBe("role_insufficient");
  });

  it("someone the provider knows but in no mapped group gets no session", async () => {
    const { browser, start } = await toCallback("mallory");
    expect(start.res.status).toBe(403);
    expect(await start.res.text()).toContain(
      "mallory@example.com signed in at Example SSO, but no value of their groups claim is mapped to a Vigil role",
    );
    expect(browser.jar.has("vigil_session")).toBe(false);
  });

  it("a callback from a flow this browser did not start is refused (login CSRF)", async () => {
    // The attacker runs the flow in their browser and sends the victim the callback link.
    const attacker = await toCallback("alice");
    const { callback } = attacker;
    expect(callback).toBeDefined();
    const victim = cookieBrowser();
    const res = await victim.get(callback as string);
    expect(res.res.status).toBe(400);
    expect(await res.res.text()).toContain("not started from this browser");
    expect(victim.jar.has("vigil_session")).toBe(false);
  });

  it("a changed state, a replayed code and an expired flow are refused", async () => {
    idp.signInAs = "alice";
    const callbackPrefix = `${platform.url}/sign-in/oidc/callback`;
    /** A browser back from the provider with a code, the callback not yet requested. */
    const atCallback = async () => {
      const browser = cookieBrowser();
      const { url } = await browser.get(`${platform.url}/sign-in/oidc`, { stopBefore: callbackPrefix });
      expect(url).toMatch(/\/sign-in\/oidc\/callback\?code=/);
      return { browser, callback: url, cookie: browser.cookieHeader() };
    };
    const gotSession = (res: Response) =>
      res.headers.getSetCookie().some((c) => /^vigil_session=[^;]/.test(c));

    const first = await atCallback();
    const changed = new URL(first.callback);
    changed.searchParams.set("state", "not-the-state");
    const forged = await fetch(changed, { headers: { cookie: first.cookie } });
    expect(forged.status).toBe(401);
    expect(await forged.text()).toContain("answer was refused");
    expect(gotSession(forged)).toBe(false);

    const second = await atCallback();
    const used = await fetch(second.callback, { headers: { cookie: second.cookie } });
    expect(used.status).toBe(200);
    expect(gotSession(used)).toBe(true);
    const again = await fetch(second.callback, { headers: { cookie: second.cookie } });
    expect(again.status).toBe(401); // the code was used once already
    expect(gotSession(again)).toBe(false);

    const third = await atCallback();
    clockOffsetMs = OIDC_FLOW_TTL_MS + 1000;
    try {
      const late = await fetch(third.callback, { headers: { cookie: third.cookie } });
      expect(late.status).toBe(400);
      expect(await late.text()).toContain("longer than 10 minutes");
      expect(gotSession(late)).toBe(false);
    } finally {
      clockOffsetMs = 0;
    }

    const fourth = await atCallback();
    const tampered = await fetch(fourth.callback, {
      headers: { cookie: fourth.cookie.replace(/(vigil_oidc=v1\.)./, "$1A") },
    });
    expect(tampered.status).toBe(400);
    expect(gotSession(tampered)).toBe(false);
    // The same browser, untampered: this flow still works (nothing above spent it).
    const fine = await fetch(fourth.callback, { headers: { cookie: fourth.cookie } });
    expect(fine.status).toBe(200);
  });

  it("an ID token whose signature does not verify against the provider's keys gives no session", async () => {
    // A provider of its own and a platform of its own: a platform keeps the keys it fetched.
    const other = await startTestIdp();
    other.users = { alice: { email: "alice@example.com", groups: ["vigil-admins"] } };
    other.foreignJwks = true;
    const p = await startPlatform({ adminToken: ADMIN_TOKEN, config: { oidc: oidcSettingsFor(other) } });
    other.allowRedirect(`${p.url}/sign-in/oidc/callback`);
    try {
      const browser = cookieBrowser();
      const { res } = await browser.get(`${p.url}/sign-in/oidc`);
      expect(res.status).toBe(401);
      expect(await res.text()).toContain("answer was refused");
      expect(browser.jar.has("vigil_session")).toBe(false);
    } finally {
      await p.stop();
      await other.stop();
    }
  });

  it("the provider's refusal is shown, with no session", async () => {
    const started = await fetch(`${platform.url}/sign-in/oidc`, { redirect: "manual" });
    const flowCookie = (started.headers.getSetCookie()[0] ?? "").split(";")[0] as string;
    const res = await fetch(
      `${platform.url}/sign-in/oidc/callback?error=access_denied&error_description=${encodeURIComponent("user cancelled")}`,
      { headers: { cookie: flowCookie } },
    );
    expect(res.status).toBe(401);
    expect(await res.text()).toContain("The identity provider refused: access_denied (user cancelled).");
  });

  it("the flow cookie is HttpOnly, Lax (the provider's redirect is cross-site), scoped and short-lived", async () => {
    const started = await fetch(`${platform.url}/sign-in/oidc`, { redirect: "manual" });
    expect(started.status).toBe(302);
    const cookie = started.headers.getSetCookie()[0] ?? "";
    expect(cookie).toMatch(/^vigil_oidc=v1\./);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Path=/sign-in/oidc");
    expect(cookie).toContain(`Max-Age=${OIDC_FLOW_TTL_MS / 1000}`);
    // Sealed for its purpose: a session-shaped value sealed as a flow is no session.
    const secret = "s".repeat(32);
    const sessionShaped = { user: "mallory", role: "admin", expiresAt: Date.now() + 60_000, csrf: "x" };
    expect(verifySession(secret, seal(secret, "vigil-session", sessionShaped), new Date())).toMatchObject({
      user: "mallory",
    });
    expect(verifySession(secret, seal(secret, "vigil-oidc-flow", sessionShaped), new Date())).toBeUndefined();
    // Sealed for its purpose: the flow's value is no session.
    const value = (cookie.split(";")[0] ?? "").slice("vigil_oidc=".length);
    expect((await session(`vigil_session=${value}`)).status).toBe(401);
    const authorize = new URL(started.headers.get("location") as string);
    expect(authorize.origin).toBe(idp.issuer);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize.searchParams.get("redirect_uri")).toBe(`${platform.url}/sign-in/oidc/callback`);
    expect(authorize.searchParams.get("scope")).toBe("openid email profile groups");
  });
});

describe("OIDC settings", () => {
  const base: OidcSettings = {
    issuer: "https://login.example.com",
    clientId: "vigil",
    adminValues: ["admins"],
    viewerValues: [],
  };

  it("refuses what could not work or would not be safe, and says what to do", () => {
    expect(() => validateOidcSettings({ ...base, issuer: "http://login.example.com" })).toThrow(
      /must be https .* http is allowed on loopback only/,
    );
    expect(() => validateOidcSettings({ ...base, issuer: "login.example.com" })).toThrow(/is not a URL/);
    expect(() => validateOidcSettings({ ...base, adminValues: [] })).toThrow(/otherwise no one can sign in/);
    expect(() => validateOidcSettings({ ...base, clientId: " " })).toThrow(/clientId is empty/);
    expect(() => platformConfig({ adminToken: ADMIN_TOKEN, oidc: { ...base, issuer: "ftp://x" } })).toThrow(
      /https/,
    );
    expect(() => validateOidcSettings({ ...base, issuer: "http://127.0.0.1:8080" })).not.toThrow();
    expect(() => validateOidcSettings(base)).not.toThrow();
  });

  it("the deployed platform reads them from its SecureString, and says what is wrong without the values", () => {
    const secrets = { adminToken: "a".repeat(32), sessionSecret: "s".repeat(32) };
    const withOidc = parsePlatformSecrets(
      JSON.stringify({ ...secrets, oidc: { ...base, clientSecret: "client-secret-value" } }),
      "/vigil/platform/secrets",
    );
    expect(withOidc.oidc).toEqual({ ...base, clientSecret: "client-secret-value" });
    expect(() => platformConfig({ ...withOidc })).not.toThrow();

    const bad = (oidc: unknown) =>
      parsePlatformSecrets(JSON.stringify({ ...secrets, oidc }), "/vigil/platform/secrets");
    expect(() =>
      bad({ ...base, clientSecret: "client-secret-value", issuer: "http://sso.example.com" }),
    ).toThrow(/\/vigil\/platform\/secrets: .*must be https/);
    expect(() => bad({ ...base, clientSecret: "client-secret-value", extra: 1 })).toThrow(/oidc/);
    expect(() => bad({ issuer: base.issuer, clientSecret: "client-secret-value" })).toThrow(/oidc\.clientId/);
    // A secret never appears in the message.
    for (const attempt of [
      () => bad({ ...base, clientSecret: "client-secret-value", adminValues: [] }),
      () => bad({ ...base, clientSecret: "client-secret-value", scopes: ["two words"] }),
      () => parsePlatformSecrets('{"adminToken": "client-secret-value"', "/p"),
    ]) {
      expect(attempt).toThrow();
      try {
        attempt();
      } catch (error) {
        expect((error as Error).message).not.toContain("client-secret-value");
      }
    }
  });

  it("a session is named by a verified email, else the user name, else the subject", () => {
    expect(displayName({ sub: "s1", email: "a@example.com", email_verified: true })).toBe("a@example.com");
    expect(displayName({ sub: "s1", email: "a@example.com" })).toBe("a@example.com");
    expect(
      displayName({ sub: "s1", email: "ceo@example.com", email_verified: false, preferred_username: "eve" }),
    ).toBe("eve");
    expect(displayName({ sub: "s1", email: "ceo@example.com", email_verified: false })).toBe("s1");
  });

  it("admin values win, a single string counts, anything else gives no role", () => {
    const s = { ...base, roleClaim: "roles", viewerValues: ["readers"] };
    expect(roleFromClaims(s, { roles: ["readers", "admins"] })).toBe("admin");
    expect(roleFromClaims(s, { roles: "readers" })).toBe("viewer");
    expect(roleFromClaims(s, { roles: ["Admins"] })).toBeUndefined();
    expect(roleFromClaims(s, { groups: ["admins"] })).toBeUndefined();
    expect(roleFromClaims(s, { roles: [{ name: "admins" }] })).toBeUndefined();
  });

  it("a provider that does not answer is said so, and no flow begins", async () => {
    const p = await startPlatform({
      adminToken: ADMIN_TOKEN,
      config: { oidc: { ...base, issuer: "http://127.0.0.1:9" } },
    });
    try {
      const res = await fetch(`${p.url}/sign-in/oidc`, { redirect: "manual" });
      expect(res.status).toBe(502);
      expect(await res.text()).toContain("The identity provider at http://127.0.0.1:9 could not be reached");
      expect(res.headers.getSetCookie()).toEqual([]);
    } finally {
      await p.stop();
    }
  });

  it("without a provider there is no provider sign-in", async () => {
    const p = await startPlatform({ adminToken: ADMIN_TOKEN });
    try {
      expect((await fetch(`${p.url}/sign-in/oidc`, { redirect: "manual" })).status).toBe(404);
      expect(await (await fetch(`${p.url}/sign-in`)).text()).not.toContain("Sign in with");
    } finally {
      await p.stop();
    }
  });
});
