import * as z from "zod";
import { httpOnlyCookie, type Role, seal, unseal } from "./sessions.ts";

/**
 * Sign-in through the team's identity provider (OpenID Connect, authorization code flow with PKCE,
 * `openid-client`). The provider says who the person is; Vigil gives a role only to people whose
 * role claim (groups by default) holds a value mapped to `admin` or `viewer`, and no one else gets in.
 */
export interface OidcSettings {
  /** The provider's issuer URL (its discovery document is at `/.well-known/openid-configuration`). https, or http on loopback only. */
  issuer: string;
  clientId: string;
  /** A confidential client's secret (sent with HTTP Basic); without one the client is public and PKCE alone binds the code. */
  clientSecret?: string;
  /** The sign-in button's label: "Sign in with <name>". */
  name?: string;
  /** Scopes asked for besides `openid`; default `email profile`. Some providers need `groups` here. */
  scopes?: string[];
  /** The claim whose value(s) decide the role, read from the ID token, else from userinfo; default `groups`. */
  roleClaim?: string;
  /** Claim values that make a person `admin`. */
  adminValues: string[];
  /** Claim values that make a person `viewer` (when no admin value matches). */
  viewerValues: string[];
  /**
   * Whether people may still sign in with a user name and password (default true). Off, the
   * provider is the only way in for people; machines keep the admin token.
   */
  passwordSignIn?: boolean;
}

/** The settings as JSON (the deployed platform's SecureString, `vigil platform --oidc <file>`). */
export const oidcSettingsSchema = z.strictObject({
  issuer: z.string(),
  clientId: z.string(),
  clientSecret: z.string().min(1).optional(),
  name: z.string().min(1).max(64).optional(),
  scopes: z.array(z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/, "a scope is one token")).optional(),
  roleClaim: z.string().min(1).optional(),
  adminValues: z.array(z.string()).default([]),
  viewerValues: z.array(z.string()).default([]),
  passwordSignIn: z.boolean().optional(),
});

/** Parses and validates settings given as JSON, naming what is wrong (never echoing the secret). */
export function parseOidcSettings(json: unknown, where: string): OidcSettings {
  const parsed = oidcSettingsSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `${where}: OIDC settings must be {issuer, clientId, clientSecret?, name?, scopes?, roleClaim?, adminValues?, viewerValues?, passwordSignIn?}; wrong: ${parsed.error.issues
        .map((i) => `${i.path.join(".") || "(top)"} ${i.message}`)
        .join("; ")}`,
    );
  }
  const settings: OidcSettings = { ...parsed.data } as OidcSettings;
  try {
    validateOidcSettings(settings);
  } catch (error) {
    throw new Error(`${where}: ${(error as Error).message}`);
  }
  return settings;
}

export const OIDC_COOKIE = "vigil_oidc";
export const OIDC_CALLBACK_PATH = "/sign-in/oidc/callback";
/** How long a person has to come back from the provider. */
export const OIDC_FLOW_TTL_MS = 10 * 60 * 1000;

/** Refuses settings that could not work or would not be safe, saying which and what to do. */
export function validateOidcSettings(settings: OidcSettings): void {
  let issuer: URL;
  try {
    issuer = new URL(settings.issuer);
  } catch {
    throw new Error(
      `oidc.issuer "${settings.issuer}" is not a URL: give the provider's issuer, e.g. https://login.example.com`,
    );
  }
  if (issuer.protocol !== "https:" && !(issuer.protocol === "http:" && isLoopback(issuer.hostname))) {
    throw new Error(
      `oidc.issuer must be https (tokens and the client secret travel to it); http is allowed on loopback only; got ${settings.issuer}`,
    );
  }
  if (settings.clientId.trim() === "")
    throw new Error("oidc.clientId is empty: give the client id registered at the provider");
  if (settings.adminValues.length + settings.viewerValues.length === 0) {
    throw new Error(
      `oidc: map at least one ${settings.roleClaim ?? "groups"} value to a role (adminValues, viewerValues); otherwise no one can sign in`,
    );
  }
}

export function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** The role a person's claims give, or none: admin values win over viewer values. */
export function roleFromClaims(settings: OidcSettings, claims: Record<string, unknown>): Role | undefined {
  const raw = claims[settings.roleClaim ?? "groups"];
  const values = Array.isArray(raw)
    ? raw.filter((v) => typeof v === "string")
    : typeof raw === "string"
      ? [raw]
      : [];
  if (values.some((v) => settings.adminValues.includes(v))) return "admin";
  if (values.some((v) => settings.viewerValues.includes(v))) return "viewer";
  return undefined;
}

/**
 * The name a session shows for the person: their email (unless the provider says it is not
 * verified: some let people type any), else their user name, else the subject.
 */
export function displayName(claims: Record<string, unknown>): string {
  const keys =
    claims.email_verified === false ? ["preferred_username", "sub"] : ["email", "preferred_username", "sub"];
  for (const key of keys) {
    const value = claims[key];
    if (typeof value === "string" && value !== "") return value.slice(0, 128);
  }
  return "unknown";
}

/** What the browser carries between leaving for the provider and coming back (signed, HttpOnly). */
export interface OidcFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
  next: string;
  expiresAt: number;
}

export function sealFlow(secret: string, flow: OidcFlow): string {
  return seal(secret, "vigil-oidc-flow", flow);
}

/** The flow the cookie carries, or why there is none usable. */
export function openFlow(
  secret: string,
  token: string | undefined,
  now: Date,
): { flow: OidcFlow } | { problem: "missing" | "tampered" | "expired" } {
  if (!token) return { problem: "missing" };
  const flow = unseal(secret, "vigil-oidc-flow", token) as OidcFlow | undefined;
  if (!flow || typeof flow !== "object") return { problem: "tampered" };
  if (typeof flow.expiresAt !== "number" || flow.expiresAt <= now.getTime()) return { problem: "expired" };
  return { flow };
}

/**
 * The flow cookie is `SameSite=Lax`, not Strict: the provider sends the browser back with a
 * cross-site top-level navigation, which carries Lax cookies and never Strict ones. It is scoped to
 * the sign-in path and lives ten minutes; it holds no secret the provider does not bind to it (the
 * PKCE verifier is useless without the code, which only the provider's redirect carries).
 */
export function flowCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return httpOnlyCookie(OIDC_COOKIE, token, {
    path: "/sign-in/oidc",
    sameSite: "Lax",
    maxAgeSeconds,
    secure,
  });
}
