import type * as z from "zod";
import {
  definitionOf,
  type EventType,
  eventTypes,
  isCurrentType,
  type VigilEvent,
  versionsOf,
} from "./catalogue.ts";
import { parseEventTypeName } from "./define.ts";
import { upcasterFrom } from "./upcasters.ts";

export type ParseErrorKind =
  | "not-an-object"
  | "unknown-type"
  | "unknown-version"
  | "invalid-envelope"
  | "invalid-data"
  | "upcast-failed";

/** One precise problem: where, what was expected, what was there. */
export interface ParseIssue {
  path: (string | number)[];
  expected: string;
  received: string;
  message: string;
}

/** Why an input is not a valid Vigil event. A value, returned — `parseEvent` never throws. */
export class EventParseError extends Error {
  override readonly name = "EventParseError";
  constructor(
    readonly kind: ParseErrorKind,
    readonly issues: ParseIssue[],
    readonly eventType?: string,
    readonly eventId?: string,
  ) {
    super(
      `${eventType ? `${eventType}${eventId ? ` ${eventId}` : ""}: ` : ""}${issues
        .map((i) => `${formatPath(i.path)}: expected ${i.expected}, received ${i.received}`)
        .join("; ")}`,
    );
  }
}

export type ParseResult<E = VigilEvent> =
  | { ok: true; event: E; upcastFrom?: string }
  | { ok: false; error: EventParseError };

export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return "(event)";
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

function describe(value: unknown, present: boolean): string {
  if (!present) return "nothing (missing)";
  if (value === null) return "null";
  if (Array.isArray(value)) return `array(${value.length})`;
  if (typeof value === "object") return "object";
  if (typeof value === "string") {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return `string ${JSON.stringify(shown)}`;
  }
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") {
    return `${typeof value} ${String(value)}`;
  }
  return typeof value;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): { present: boolean; value: unknown } {
  let cur: unknown = input;
  for (const key of path) {
    if (cur === null || typeof cur !== "object" || !Object.hasOwn(cur, key)) {
      return { present: false, value: undefined };
    }
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return { present: true, value: cur };
}

function expectedOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.expected;
    case "invalid_value":
      return issue.values.length === 1
        ? JSON.stringify(issue.values[0])
        : `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_format":
      return issue.format === "regex" ? issue.message : issue.format;
    case "too_small":
      return `${issue.origin} of ${issue.inclusive === false ? "more than" : "at least"} ${String(issue.minimum)}${
        issue.origin === "string" ? " characters" : issue.origin === "array" ? " items" : ""
      }`;
    case "too_big":
      return `${issue.origin} of ${issue.inclusive === false ? "less than" : "at most"} ${String(issue.maximum)}${
        issue.origin === "string" ? " characters" : issue.origin === "array" ? " items" : ""
      }`;
    case "invalid_key":
      return `a valid key (${issue.issues.map((i) => expectedOf(i)).join(", ")})`;
    case "invalid_union":
      return "one of the union's alternatives";
    case "unrecognized_keys":
      return `no keys ${issue.keys.join(", ")}`;
    case "not_multiple_of":
      return `a multiple of ${String(issue.divisor)}`;
    default:
      return issue.message;
  }
}

function issuesFromZod(input: unknown, error: z.ZodError): ParseIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    const at = issue.code === "invalid_key" ? { present: true, value: path.at(-1) } : valueAt(input, path);
    return {
      path,
      expected: expectedOf(issue),
      received: describe(at.value, at.present),
      message: issue.message,
    };
  });
}

const ENVELOPE_KEYS = new Set([
  "specversion",
  "id",
  "source",
  "type",
  "time",
  "subject",
  "dataschema",
  "datacontenttype",
  "integrationid",
  "correlationid",
  "causationid",
]);

function fail(kind: ParseErrorKind, issues: ParseIssue[], type?: string, id?: unknown): ParseResult<never> {
  return {
    ok: false,
    error: new EventParseError(kind, issues, type, typeof id === "string" ? id : undefined),
  };
}

/**
 * Validate anything (a parsed JSON body, an SQS message, a log item) as a Vigil event. Known
 * old versions are upcast to the current version. Never throws: the result says what is wrong,
 * where, what was expected and what was received.
 */
export function parseEvent(input: unknown): ParseResult {
  try {
    return parseUnsafe(input);
  } catch (cause) {
    // Defensive: hostile inputs (getters that throw, proxies) must still come back as a value.
    return fail("not-an-object", [
      {
        path: [],
        expected: "a plain JSON object",
        received: "a value that threw while read",
        message: String(cause),
      },
    ]);
  }
}

function parseUnsafe(input: unknown): ParseResult {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    return fail("not-an-object", [
      {
        path: [],
        expected: "object",
        received: describe(input, input !== undefined),
        message: "an event is a JSON object",
      },
    ]);
  }
  const raw = input as Record<string, unknown>;
  const type = raw.type;
  if (typeof type !== "string") {
    return fail(
      "unknown-type",
      [
        {
          path: ["type"],
          expected: "string (an event type such as vigil.scan.requested.v1)",
          received: describe(type, "type" in raw),
          message: "missing event type",
        },
      ],
      undefined,
      raw.id,
    );
  }
  const definition = definitionOf(type);
  if (!definition) {
    const name = parseEventTypeName(type);
    const versions = name ? versionsOf(name.family) : [];
    if (name && versions.length > 0) {
      return fail(
        "unknown-version",
        [
          {
            path: ["type"],
            expected: `one of ${versions.map((v) => `${name.family}.v${v}`).join(", ")}`,
            received: describe(type, true),
            message: `version ${name.version} of ${name.family} is not known to this reader; upgrade @vigil/events`,
          },
        ],
        type,
        raw.id,
      );
    }
    return fail(
      "unknown-type",
      [
        {
          path: ["type"],
          expected: `a known event type (${eventTypes.length} in the catalogue, e.g. ${eventTypes[0]})`,
          received: describe(type, true),
          message: name
            ? `unknown event family ${name.family}`
            : "event types are named vigil.<area>.<fact>.v<N>",
        },
      ],
      type,
      raw.id,
    );
  }
  const result = definition.schema.safeParse(input);
  if (!result.success) {
    const issues = issuesFromZod(input, result.error);
    const kind = issues.every((i) => i.path[0] === "data") ? "invalid-data" : "invalid-envelope";
    return fail(kind, issues, type, raw.id);
  }
  if (isCurrentType(type)) return { ok: true, event: result.data as VigilEvent };
  return upcastToCurrent(result.data as { type: string }, type);
}

function upcastToCurrent(event: { type: string }, originalType: string): ParseResult {
  let current: { type: string } = event;
  for (let step = 0; step < 32 && !isCurrentType(current.type); step++) {
    const upcaster = upcasterFrom(current.type);
    if (!upcaster) {
      return fail(
        "upcast-failed",
        [
          {
            path: ["type"],
            expected: "a type with an upcaster to the current version",
            received: describe(current.type, true),
            message: "no upcaster registered",
          },
        ],
        originalType,
      );
    }
    current = upcaster.upcast(current as never);
  }
  const definition = definitionOf(current.type);
  const checked = definition?.schema.safeParse(current);
  if (!checked?.success) {
    return fail("upcast-failed", checked ? issuesFromZod(current, checked.error) : [], originalType);
  }
  return { ok: true, event: checked.data as VigilEvent, upcastFrom: originalType };
}

/** Like `parseEvent` but narrowed to one type: a valid event of another type is an error. */
export function parseEventOf<T extends EventType>(
  type: T,
  input: unknown,
): ParseResult<Extract<VigilEvent, { type: T }>> {
  const result = parseEvent(input);
  if (!result.ok || result.event.type === type)
    return result as ParseResult<Extract<VigilEvent, { type: T }>>;
  return fail(
    "unknown-type",
    [
      {
        path: ["type"],
        expected: JSON.stringify(type),
        received: describe(result.event.type, true),
        message: "unexpected event type",
      },
    ],
    result.event.type,
    result.event.id,
  );
}

export const envelopeAttributeNames: ReadonlySet<string> = ENVELOPE_KEYS;
