import type { Context } from "hono";
import type * as z from "zod";
import { badRequest, PlatformError } from "./errors.ts";

/** Parse a request body as JSON, or refuse with a 400 that says where the JSON broke. */
export function parseJson(text: string): unknown {
  if (text.trim() === "") {
    throw badRequest(
      "body_missing",
      "The request body is empty; send a JSON object with Content-Type: application/json.",
    );
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw badRequest(
      "malformed_json",
      `The request body is not valid JSON (${(cause as Error).message}); send a JSON object.`,
    );
  }
}

/**
 * JSON routes take `Content-Type: application/json` only: a browser sends other types (forms,
 * `text/plain`) cross-site without a preflight, so anything else is refused (415) before the body
 * is read.
 */
export function requireJson(c: Context): void {
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    throw new PlatformError(
      415,
      "unsupported_media_type",
      `This route takes Content-Type: application/json; got ${type ? `"${type}"` : "none"}.`,
    );
  }
}

/** A JSON body validated against `schema`, after `requireJson`. */
export async function jsonBody<S extends z.ZodType>(
  c: Context,
  schema: S,
  what: string,
): Promise<z.infer<S>> {
  requireJson(c);
  return validate(schema, parseJson(await c.req.text()), what);
}

/** Validate a body against a zod schema; the 400 lists each field, what was expected and what came. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({
    path: i.path.map(String).join(".") || "(body)",
    message: i.message,
  }));
  throw badRequest(
    "invalid_request",
    `${what} is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}.`,
    { issues },
  );
}
