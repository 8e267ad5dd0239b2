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
}

export const MAX_REGISTRATION_TOKEN_TTL_MS = 60 * 60 * 1000;

export const defaultPlatformConfig: Omit<PlatformConfig, "adminToken"> = {
  registrationTokenTtlMs: MAX_REGISTRATION_TOKEN_TTL_MS,
  maxClockSkewMs: 5 * 60 * 1000,
  maxBodyBytes: 1024 * 1024,
  // One atomic write (a DynamoDB transaction holds 100 items): the agent sends 100 a request.
  maxEventsPerBatch: 100,
};

export function platformConfig(overrides: Partial<PlatformConfig> & { adminToken: string }): PlatformConfig {
  const config = { ...defaultPlatformConfig, ...overrides };
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
