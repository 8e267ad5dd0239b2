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
