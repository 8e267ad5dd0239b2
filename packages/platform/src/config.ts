import { createHash } from "node:crypto";
import { type OidcSettings, validateOidcSettings } from "./auth/oidc.ts";
import type { AwsIdentityEndpoints } from "./organizations/aws-identity.ts";

/** Time source; injected everywhere (token expiry, signature skew) so tests control it. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export interface PlatformConfig {
  /** Bearer token required on every `/admin/*` call. */
  adminToken: string;
  /** How long a registration token can be exchanged; capped at one hour. */
  registrationTokenTtlMs: number;
  /** Largest signed-request clock skew accepted (and how long a seen signature is remembered). */
  maxClockSkewMs: number;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** Most events one report-ingest call may carry. */
  maxEventsPerBatch: number;
  /** People who sign in to the dashboard (scrypt hashes; `hashPassword`). Empty: `admin` with the admin token. */
  users: PlatformUser[];
  /** Sign-in through the team's OpenID Connect provider, besides user names and passwords. */
  oidc?: OidcSettings;
  /** Key of the session cookies' HMAC; derived from the admin token when not given. */
  sessionSecret: string;
  sessionTtlMs: number;
  /** The origin browsers see (behind a proxy or CDN); the request's own origin when absent. */
  publicOrigin?: string;
  /** `Secure` on the session cookie; by default when the request came over https. */
  secureCookies?: boolean;
  /**
   * Where member accounts' presigned AWS requests are sent (enrollment): AWS's STS and
   * Organizations endpoints by default; an override replaces them (tests: the emulated account).
   */
  awsEndpoints?: AwsIdentityEndpoints;
}

export interface PlatformUser {
  name: string;
  role: "admin" | "viewer";
  passwordHash: string;
}

export const MAX_REGISTRATION_TOKEN_TTL_MS = 60 * 60 * 1000;

export const defaultPlatformConfig: Omit<PlatformConfig, "adminToken" | "sessionSecret"> = {
  registrationTokenTtlMs: MAX_REGISTRATION_TOKEN_TTL_MS,
  maxClockSkewMs: 5 * 60 * 1000,
  maxBodyBytes: 1024 * 1024,
  // One atomic write (a DynamoDB transaction holds 100 items): the agent sends 100 a request.
  maxEventsPerBatch: 100,
  users: [],
  sessionTtlMs: 8 * 60 * 60 * 1000,
};

export function platformConfig(overrides: Partial<PlatformConfig> & { adminToken: string }): PlatformConfig {
  const config: PlatformConfig = {
    ...defaultPlatformConfig,
    sessionSecret: createHash("sha256")
      .update(`vigil-session-secret\n${overrides.adminToken}`)
      .digest("base64url"),
    ...overrides,
  };
  for (const user of config.users) {
    if (!/^[\w.@-]{1,64}$/.test(user.name))
      throw new Error(`user name "${user.name}" must be 1-64 of [A-Za-z0-9_.@-]`);
    if (!user.passwordHash.startsWith("scrypt$")) {
      throw new Error(
        `user ${user.name}: passwordHash must be a scrypt hash (hashPassword), never a password`,
      );
    }
  }
  if (config.oidc) validateOidcSettings(config.oidc);
  if (config.sessionSecret.length < 32) throw new Error("sessionSecret must be at least 32 characters");
  if (config.adminToken.length < 16) {
    throw new Error("adminToken must be at least 16 characters: generate one with `openssl rand -hex 32`.");
  }
  if (config.registrationTokenTtlMs <= 0 || config.registrationTokenTtlMs > MAX_REGISTRATION_TOKEN_TTL_MS) {
    throw new Error(
      `registrationTokenTtlMs must be between 1 and ${MAX_REGISTRATION_TOKEN_TTL_MS} (one hour); got ${config.registrationTokenTtlMs}.`,
    );
  }
  return config;
}
