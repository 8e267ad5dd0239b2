import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export type Role = "admin" | "viewer";

/** A signed-in user, as the session cookie carries it (signed, not encrypted: it holds no secret but the CSRF token, which the user's own pages show). */
export interface Session {
  user: string;
  role: Role;
  /** Epoch ms after which the session is refused. */
  expiresAt: number;
  /** Sent back with every state-changing request made with this session (header or form field). */
  csrf: string;
}

export const SESSION_COOKIE = "vigil_session";

/**
 * Sessions are stateless: `v1.<payload b64url>.<HMAC-SHA256 b64url>` under the platform's session
 * secret. Every instance verifies them without a lookup; they end at `expiresAt` (sign-out clears
 * the cookie; rotating the secret ends every session at once).
 */
export function issueSession(
  secret: string,
  user: string,
  role: Role,
  now: Date,
  ttlMs: number,
): { token: string; session: Session } {
  const session: Session = {
    user,
    role,
    expiresAt: now.getTime() + ttlMs,
    csrf: randomBytes(24).toString("base64url"),
  };
  return { token: seal(secret, "vigil-session", session), session };
}

export function verifySession(secret: string, token: string | undefined, now: Date): Session | undefined {
  const session = unseal(secret, "vigil-session", token) as Session | undefined;
  if (!session || typeof session !== "object") return undefined;
  if (typeof session.expiresAt !== "number" || session.expiresAt <= now.getTime()) return undefined;
  if (session.role !== "admin" && session.role !== "viewer") return undefined;
  return session;
}

/**
 * A value only the platform can have written: `v1.<JSON b64url>.<HMAC-SHA256 b64url>` under its
 * session secret, the MAC over `<purpose>\n<payload>` so a token of one purpose is never taken for
 * another. Signed, not encrypted.
 */
export function seal(secret: string, purpose: string, value: unknown): string {
  const payload = Buffer.from(JSON.stringify(value)).toString("base64url");
  return `v1.${payload}.${mac(secret, purpose, payload)}`;
}

/** The sealed value, or undefined when the token is absent, malformed or not ours. */
export function unseal(secret: string, purpose: string, token: string | undefined): unknown {
  if (!token) return undefined;
  const [version, payload, signature] = token.split(".");
  if (version !== "v1" || !payload || !signature) return undefined;
  const expected = Buffer.from(mac(secret, purpose, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, "base64url").toString()) as unknown;
  } catch {
    return undefined;
  }
}

function mac(secret: string, purpose: string, payload: string): string {
  return createHmac("sha256", secret).update(`${purpose}\n${payload}`).digest("base64url");
}

/** `Set-Cookie` for a session: HttpOnly (no script reads it), SameSite=Strict (no cross-site request carries it). */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return httpOnlyCookie(SESSION_COOKIE, token, { path: "/", sameSite: "Strict", maxAgeSeconds, secure });
}

/** `Set-Cookie` for a cookie no script can read; `maxAgeSeconds` 0 clears it. */
export function httpOnlyCookie(
  name: string,
  value: string,
  options: { path: string; sameSite: "Strict" | "Lax"; maxAgeSeconds: number; secure: boolean },
): string {
  return [
    `${name}=${value}`,
    `Path=${options.path}`,
    "HttpOnly",
    `SameSite=${options.sameSite}`,
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`,
    ...(options.secure ? ["Secure"] : []),
  ].join("; ");
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie("", 0, secure);
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=");
  }
  return undefined;
}
