import * as z from "zod";
import { lazySchema } from "../contracts/lazy.ts";

/**
 * The CloudEvents 1.0 envelope every Vigil event travels in (structured JSON mode).
 *
 * CloudEvents requires attribute names to be lower-case letters and digits only, so the
 * design's `integrationId` / `correlationId` / `causationId` are carried as the extension
 * attributes `integrationid`, `correlationid`, `causationid` on the wire and in the log.
 */
export const SPEC_VERSION = "1.0";

/** RFC 3339 timestamp with an explicit offset (`Z` or `+hh:mm`), as CloudEvents requires. */
export const timestampSchema = lazySchema(() => z.iso.datetime({ offset: true }));

/** Attributes shared by every event type; `type` and `data` are added per type (built on first use). */
let attributes: ReturnType<typeof buildAttributes> | undefined;
const buildAttributes = () => ({
  specversion: z.literal(SPEC_VERSION),
  id: z.string().min(1).max(256),
  source: z.string().min(1).max(1024),
  time: timestampSchema,
  subject: z.string().min(1).max(1024).optional(),
  dataschema: z.string().min(1).optional(),
  datacontenttype: z.literal("application/json").optional(),
  integrationid: z.string().min(1).max(128),
  correlationid: z.string().min(1).max(256).optional(),
  causationid: z.string().min(1).max(256).optional(),
});

/** Build the full envelope schema of one event type. */
export function envelopeSchema<const T extends string, D extends z.ZodType>(type: T, data: D) {
  attributes ??= buildAttributes();
  return z.object({ ...attributes, type: z.literal(type), data });
}

/**
 * The shape the event log and the bus handle without knowing the catalogue: any CloudEvents
 * envelope whose `data` is JSON. Legacy versions and future types pass through storage unchanged.
 */
export interface EventEnvelope<T extends string = string, D = unknown> {
  specversion: typeof SPEC_VERSION;
  id: string;
  source: string;
  type: T;
  time: string;
  subject?: string;
  dataschema?: string;
  datacontenttype?: "application/json";
  integrationid: string;
  correlationid?: string;
  causationid?: string;
  data: D;
}

/** `dataschema` URI of a type: a URN, so it never pretends to be a fetchable URL. */
export function dataSchemaUri(type: string): string {
  return `urn:vigil:schema:${type}`;
}
