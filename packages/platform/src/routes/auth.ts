import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { Hono } from "hono";
import {
  flowCookie,
  OIDC_CALLBACK_PATH,
  OIDC_COOKIE,
  OIDC_FLOW_TTL_MS,
  openFlow,
  sealFlow,
} from "../auth/oidc.ts";
import type { OidcClient } from "../auth/oidc-client.ts";
import { verifyPassword } from "../auth/passwords.ts";
import type { AttemptLimiter } from "../auth/rate-limit.ts";
import {
  clearedSessionCookie,
  issueSession,
  type Role,
  readCookie,
  SESSION_COOKIE,
  type Session,
  sessionCookie,
  verifySession,
} from "../auth/sessions.ts";
import type { Clock, PlatformConfig } from "../config.ts";
import { renderSignedIn, renderSignIn } from "../dashboard/pages.ts";
import { forbidden, PlatformError, unauthorized } from "../http/errors.ts";
import type { Env } from "./context.ts";

export interface AccessDeps {
  config: PlatformConfig;
  clock: Clock;
  limiter: AttemptLimiter;
  /** The caller's address (rate limiting); "unknown" when the runtime does not tell. */
  clientIp: (c: Context) => string;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Who may call what. Machines (the CLI, the install harness) send `Authorization: Bearer <admin
 * token>`; browsers never attach that by themselves, so it needs no CSRF defence. People sign in
 * with a user name and password (`config.users`, scrypt hashes; roles admin and viewer) and get a
 * session in an `HttpOnly; SameSite=Strict` cookie; a state-changing request made with a session
 * must also come from the platform's own origin (`Origin`) and carry the session's CSRF token.
 * Basic auth is gone: browsers replay it on cross-site requests, and any user name passed.
 * Wrong secrets from one address are counted (`AttemptLimiter`): at the limit it gets 429.
 */
export function createAccess(deps: AccessDeps) {
  const { config, clock, limiter } = deps;
  const sessionSecret = config.sessionSecret;

  async function refuseIfBlocked(c: Context): Promise<void> {
    const until = await limiter.blockedUntil(deps.clientIp(c), clock());
    if (until !== undefined) {
      const seconds = Math.max(1, Math.ceil((until - clock().getTime()) / 1000));
      c.header("Retry-After", String(seconds));
      throw new PlatformError(
        429,
        "too_many_failed_attempts",
        `Too many wrong tokens or passwords from this address; try again in ${seconds} s.`,
      );
    }
  }

  async function failed(c: Context): Promise<void> {
    await limiter.fail(deps.clientIp(c), clock());
  }

  function sameOrigin(c: Context): boolean {
    const origin = c.req.header("origin");
    const own = config.publicOrigin ?? new URL(c.req.url).origin;
    if (origin !== undefined) return origin === own;
    // No Origin (older browsers on same-origin POSTs): the Referer must be ours.
    const referer = c.req.header("referer");
    return referer?.startsWith(`${own}/`) === true;
  }

  /** The caller: the admin token, a valid session, or nobody. */
  async function principal(c: Context<Env>): Promise<Env["Variables"]["principal"] | undefined> {
    const header = c.req.header("authorization");
    if (header !== undefined) {
      await refuseIfBlocked(c);
      if (!header.startsWith("Bearer ")) {
        throw unauthorized(
          "auth_scheme_unsupported",
          "Send `Authorization: Bearer <admin token>`; people sign in at /sign-in.",
        );
      }
      if (!sameSecret(header.slice(7), config.adminToken)) {
        await failed(c);
        throw unauthorized("admin_token_invalid", "The admin token is wrong.");
      }
      return { kind: "token", user: "admin-token", role: "admin" };
    }
    const session = verifySession(sessionSecret, readCookie(c.req.header("cookie"), SESSION_COOKIE), clock());
    if (!session) return undefined;
    if (!SAFE_METHODS.has(c.req.method)) {
      if (!sameOrigin(c))
        throw forbidden("cross_origin", "State-changing requests must come from the platform's own pages.");
      const csrf = c.req.header("x-csrf-token") ?? (await formField(c, "csrf"));
      if (csrf === undefined || !sameSecret(csrf, session.csrf)) {
        throw forbidden("csrf_token_invalid", "This request lacks the session's CSRF token (x-csrf-token).");
      }
    }
    return { kind: "session", user: session.user, role: session.role };
  }

  const require =
    (roles: readonly Role[]): MiddlewareHandler<Env> =>
    async (c, next) => {
      const who = await principal(c);
      if (!who) {
        if (SAFE_METHODS.has(c.req.method) && c.req.path.startsWith("/dashboard")) {
          return c.redirect(`/sign-in?next=${encodeURIComponent(c.req.path)}`, 302);
        }
        throw unauthorized(
          "authentication_required",
          "Sign in at /sign-in, or send `Authorization: Bearer <admin token>`.",
        );
      }
      if (!roles.includes(who.role)) {
        throw forbidden(
          "role_insufficient",
          `This needs the ${roles.join(" or ")} role; ${who.user} is ${who.role}.`,
        );
      }
      c.set("principal", who);
      await next();
    };

  const routes = new Hono<Env>();

  const oidcName = config.oidc ? (config.oidc.name ?? new URL(config.oidc.issuer).host) : undefined;
  const passwordSignIn = config.oidc?.passwordSignIn !== false;
  const signInPage = (next: unknown, error?: string) =>
    renderSignIn({
      next: safeNext(next),
      ...(error ? { error } : {}),
      ...(oidcName ? { oidc: oidcName } : {}),
      password: passwordSignIn,
    });

  routes.get("/sign-in", (c) => c.html(signInPage(c.req.query("next"))));

  // OpenID Connect: loaded on the first sign-in through the provider, never at cold start.
  let oidcClient: Promise<OidcClient> | undefined;
  const oidc = (): Promise<OidcClient> => {
    const settings = config.oidc;
    if (!settings)
      throw new PlatformError(
        404,
        "oidc_not_configured",
        "Sign-in through an identity provider is not set up.",
      );
    oidcClient ??= import("../auth/oidc-client.ts").then((m) => m.createOidcClient(settings));
    return oidcClient;
  };
  const redirectUri = (c: Context) =>
    `${config.publicOrigin ?? new URL(c.req.url).origin}${OIDC_CALLBACK_PATH}`;

  routes.get("/sign-in/oidc", async (c) => {
    const client = await oidc();
    const next = safeNext(c.req.query("next"));
    const flow = {
      state: randomBytes(24).toString("base64url"),
      nonce: randomBytes(24).toString("base64url"),
      codeVerifier: randomBytes(48).toString("base64url"),
      next,
      expiresAt: clock().getTime() + OIDC_FLOW_TTL_MS,
    };
    let url: URL;
    try {
      url = await client.authorizationUrl({ redirectUri: redirectUri(c), ...flow });
    } catch (error) {
      c.status(502);
      return c.html(
        signInPage(
          next,
          `The identity provider at ${config.oidc?.issuer} could not be reached: ${reason(error)}`,
        ),
      );
    }
    c.header(
      "Set-Cookie",
      flowCookie(sealFlow(sessionSecret, flow), OIDC_FLOW_TTL_MS / 1000, secureCookies(c, config)),
    );
    return c.redirect(url.toString(), 302);
  });

  routes.get(OIDC_CALLBACK_PATH, async (c) => {
    const client = await oidc();
    const secure = secureCookies(c, config);
    // The flow is used once, whatever happens next.
    c.header("Set-Cookie", flowCookie("", 0, secure));
    const opened = openFlow(sessionSecret, readCookie(c.req.header("cookie"), OIDC_COOKIE), clock());
    if ("problem" in opened) {
      c.status(400);
      return c.html(
        signInPage(
          undefined,
          opened.problem === "expired"
            ? "The sign-in took longer than 10 minutes; sign in again."
            : "This sign-in was not started from this browser's sign-in page; sign in again.",
        ),
      );
    }
    const { flow } = opened;
    const refused = c.req.query("error");
    if (refused !== undefined) {
      c.status(401);
      const description = c.req.query("error_description");
      return c.html(
        signInPage(
          flow.next,
          `The identity provider refused: ${refused}${description ? ` (${description})` : ""}.`,
        ),
      );
    }
    // What the provider redirected to, seen from the outside (a proxy or CDN may rewrite the host).
    const currentUrl = new URL(redirectUri(c));
    currentUrl.search = new URL(c.req.url).search;
    let person: { user: string; role: Role | undefined };
    try {
      person = await client.finish({ currentUrl, ...flow });
    } catch (error) {
      // Not counted as a wrong secret: a code is not guessed here (PKCE binds it to this browser's flow).
      c.status(401);
      return c.html(signInPage(flow.next, `The identity provider's answer was refused: ${reason(error)}`));
    }
    if (!person.role) {
      c.status(403);
      return c.html(
        signInPage(
          flow.next,
          `${person.user} signed in at ${oidcName}, but no value of their ${config.oidc?.roleClaim ?? "groups"} claim is mapped to a Vigil role; an admin adds one to the platform's oidc adminValues or viewerValues.`,
        ),
      );
    }
    const { token } = issueSession(sessionSecret, person.user, person.role, clock(), config.sessionTtlMs);
    c.header("Set-Cookie", sessionCookie(token, config.sessionTtlMs / 1000, secure), { append: true });
    return c.html(renderSignedIn({ next: flow.next, user: person.user }));
  });

  routes.post("/sign-in", async (c) => {
    // A sign-in form on another site would sign the victim in as the attacker: same origin only.
    if (!sameOrigin(c)) throw forbidden("cross_origin", "Sign in from the platform's own sign-in page.");
    if (!passwordSignIn) {
      throw forbidden(
        "password_sign_in_off",
        `Password sign-in is off on this platform: sign in with ${oidcName} at /sign-in/oidc.`,
      );
    }
    await refuseIfBlocked(c);
    const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
    if (type !== "application/x-www-form-urlencoded" && type !== "application/json") {
      throw new PlatformError(415, "unsupported_media_type", "Sign in with the form or a JSON body.");
    }
    const form =
      type === "application/json"
        ? ((await c.req.json().catch(() => ({}))) as Record<string, unknown>)
        : Object.fromEntries(new URLSearchParams(await c.req.text()));
    const user = typeof form.user === "string" ? form.user : "";
    const password = typeof form.password === "string" ? form.password : "";
    const role = authenticate(config, user, password);
    if (!role) {
      await failed(c);
      c.status(401);
      return c.html(signInPage(form.next, "Wrong user name or password."));
    }
    const now = clock();
    const { token } = issueSession(sessionSecret, user, role, now, config.sessionTtlMs);
    c.header("Set-Cookie", sessionCookie(token, config.sessionTtlMs / 1000, secureCookies(c, config)));
    return c.redirect(safeNext(form.next), 303);
  });

  routes.post("/sign-out", async (c) => {
    const session = verifySession(sessionSecret, readCookie(c.req.header("cookie"), SESSION_COOKIE), clock());
    if (session && sameOrigin(c)) {
      c.header("Set-Cookie", clearedSessionCookie(secureCookies(c, config)));
    }
    return c.redirect("/sign-in", 303);
  });

  /** Who is signed in, and the CSRF token the session's writes need (same-origin readers only). */
  routes.get("/api/session", require(["admin", "viewer"]), (c) => {
    const who = c.get("principal");
    const session = verifySession(sessionSecret, readCookie(c.req.header("cookie"), SESSION_COOKIE), clock());
    return c.json({
      user: who.user,
      role: who.role,
      ...(session ? { csrfToken: session.csrf, expiresAt: new Date(session.expiresAt).toISOString() } : {}),
    });
  });

  return {
    adminOnly: require(["admin"]),
    readers: require(["admin", "viewer"]),
    routes,
    /** For the exchange: a wrong registration token counts like a wrong password. */
    refuseIfBlocked,
    failed,
    sessionOf(c: Context): Session | undefined {
      return verifySession(sessionSecret, readCookie(c.req.header("cookie"), SESSION_COOKIE), clock());
    },
  };
}

export type Access = ReturnType<typeof createAccess>;

function authenticate(config: PlatformConfig, user: string, password: string): Role | undefined {
  const found = config.users.find((u) => u.name === user);
  if (found) return verifyPassword(password, found.passwordHash) ? found.role : undefined;
  // No user list yet: the one account is `admin`, with the admin token as its password.
  if (config.users.length === 0 && user === "admin" && sameSecret(password, config.adminToken))
    return "admin";
  // Same work whether or not the user exists.
  verifyPassword(password, DUMMY_HASH);
  return undefined;
}

const DUMMY_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

function secureCookies(c: Context, config: PlatformConfig): boolean {
  if (config.secureCookies !== undefined) return config.secureCookies;
  return new URL(c.req.url).protocol === "https:";
}

function safeNext(next: unknown): string {
  return typeof next === "string" && /^\/dashboard(\/[\w\-./%?=&]*)?$/.test(next) ? next : "/dashboard";
}

function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : "";
  return `${message}${cause}`.slice(0, 300);
}

export function sameSecret(presented: string, expected: string): boolean {
  // Hash first so the comparison is constant-time whatever the lengths.
  const a = createHash("sha256").update(presented).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

async function formField(c: Context, name: string): Promise<string | undefined> {
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") return undefined;
  return new URLSearchParams(await c.req.text()).get(name) ?? undefined;
}
