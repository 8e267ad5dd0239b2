import type * as z from "zod";
import { envelopeSchema } from "../envelope/envelope.ts";
import { lazySchema } from "./lazy.ts";

/** `vigil.<area>.<fact-in-past-tense>.v<N>` */
export const EVENT_TYPE_PATTERN = /^vigil\.([a-z][a-z0-9-]*)\.([a-z][a-z0-9-]*)\.v([1-9]\d*)$/;

export interface EventTypeName {
  area: string;
  fact: string;
  version: number;
  /** The type without its version: `vigil.scan.asset-assessed`. */
  family: string;
}

export function parseEventTypeName(type: string): EventTypeName | undefined {
  const m = EVENT_TYPE_PATTERN.exec(type);
  if (!m) return undefined;
  const [, area = "", fact = "", version = "0"] = m;
  return { area, fact, version: Number(version), family: `vigil.${area}.${fact}` };
}

export interface EventDefinition<T extends string = string, D extends z.ZodType = z.ZodType> {
  type: T;
  /** Schema of `data` alone. */
  data: D;
  /** Schema of the whole envelope. */
  schema: ReturnType<typeof envelopeSchema<T, D>>;
  name: EventTypeName;
}

/**
 * One event type. `data` is a function that builds the schema of its payload: both schemas are
 * built the first time they are used (`lazySchema`), so importing the catalogue costs a cold
 * start nothing for the types an invocation never parses.
 */
export function defineEvent<const T extends string, D extends z.ZodType>(
  type: T,
  data: () => D,
): EventDefinition<T, D> {
  const name = parseEventTypeName(type);
  if (!name) throw new Error(`event type "${type}" does not follow vigil.<area>.<fact>.v<N>`);
  const payload = lazySchema(data);
  return { type, data: payload, schema: lazySchema(() => envelopeSchema(type, payload)), name };
}
