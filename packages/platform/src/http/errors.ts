import { isThrottlingError } from "@vigil/events";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * Every refusal the API returns: an HTTP status, a stable machine code and a message that says
 * what was wrong and what to do. Serialized as `{ error: { code, message } }`.
 */
export class PlatformError extends Error {
  override readonly name = "PlatformError";
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  toBody(): { error: { code: string; message: string; details?: unknown } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

export const badRequest = (code: string, message: string, details?: unknown) =>
  new PlatformError(400, code, message, details);
export const unauthorized = (code: string, message: string) => new PlatformError(401, code, message);
export const forbidden = (code: string, message: string) => new PlatformError(403, code, message);
export const notFound = (code: string, message: string) => new PlatformError(404, code, message);
export const conflict = (code: string, message: string) => new PlatformError(409, code, message);
export const gone = (code: string, message: string) => new PlatformError(410, code, message);

/** Node's codes for a connection that failed or timed out. */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);
/** Seconds a client is asked to wait before retrying when storage did not answer. */
export const STORAGE_RETRY_AFTER_SECONDS = 5;

/**
 * A storage call (the log, views or claim check on DynamoDB or S3) that failed because the service
 * did not answer, was throttled or failed on its side: a 503 the caller retries, nothing read or
 * recorded taken for an answer. What AWS rejected as wrong (a missing table, a refused
 * condition) is not this, and stays the platform's own failure. The message names the error, not
 * the endpoint or its text, which stay in the platform's log.
 */
export function storageUnavailable(err: unknown, depth = 0): PlatformError | undefined {
  if (!(err instanceof Error) || depth > 4) return undefined;
  const e = err as Error & {
    code?: unknown;
    $metadata?: { httpStatusCode?: number };
    $fault?: string;
  };
  const network = typeof e.code === "string" && NETWORK_CODES.has(e.code);
  const answered =
    e.$metadata !== undefined &&
    (isThrottlingError(e) || e.$fault === "server" || (e.$metadata.httpStatusCode ?? 0) >= 500);
  // An error that wraps the call's keeps it as `cause`.
  if (!network && !answered && e.name !== "TimeoutError") return storageUnavailable(e.cause, depth + 1);
  return new PlatformError(
    503,
    "storage_unavailable",
    `The platform's storage did not answer (${network ? e.code : e.name}); nothing was recorded. Retry in ${STORAGE_RETRY_AFTER_SECONDS} seconds.`,
  );
}
