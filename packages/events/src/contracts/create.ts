import { dataSchemaUri, SPEC_VERSION } from "../envelope/envelope.ts";
import { randomEventId } from "../envelope/ids.ts";
import { type DataOf, definitionOf, type EventOf, type EventType, type VigilEvent } from "./catalogue.ts";
import { EventParseError, parseEvent } from "./parse.ts";

export interface EventMeta {
  /** URI-reference of the producer, e.g. `urn:vigil:agent:123456789012`. */
  source: string;
  subject?: string;
  integrationId: string;
  correlationId?: string;
  causationId?: string;
  /** Pass a deterministic id (see `deterministicEventId`) when the producer may retry. */
  id?: string;
  time?: Date | string;
}

/** Thrown by `createEvent` when a producer builds an invalid event: a bug in the producer. */
export class InvalidEventError extends Error {
  override readonly name = "InvalidEventError";
  constructor(readonly parseError: EventParseError) {
    super(`refusing to create an invalid event: ${parseError.message}`, { cause: parseError });
  }
}

/** Build a valid, typed CloudEvents envelope; throws `InvalidEventError` when `data` breaks the contract. */
export function createEvent<T extends EventType>(type: T, data: DataOf<T>, meta: EventMeta): EventOf<T> {
  const time = meta.time === undefined ? new Date() : meta.time;
  const candidate: Record<string, unknown> = {
    specversion: SPEC_VERSION,
    id: meta.id ?? randomEventId(),
    source: meta.source,
    type,
    time: typeof time === "string" ? time : time.toISOString(),
    datacontenttype: "application/json",
    dataschema: dataSchemaUri(type),
    integrationid: meta.integrationId,
    data,
  };
  if (meta.subject !== undefined) candidate.subject = meta.subject;
  if (meta.correlationId !== undefined) candidate.correlationid = meta.correlationId;
  if (meta.causationId !== undefined) candidate.causationid = meta.causationId;
  if (!definitionOf(type))
    throw new InvalidEventError(
      new EventParseError("unknown-type", [
        { path: ["type"], expected: "a known event type", received: type, message: "unknown type" },
      ]),
    );
  const parsed = parseEvent(candidate);
  if (!parsed.ok) throw new InvalidEventError(parsed.error);
  return parsed.event as EventOf<T>;
}

/** Metadata for an event caused by `cause`: same integration and correlation, causation = cause. */
export function causedBy(
  cause: Pick<VigilEvent, "id" | "integrationid" | "correlationid">,
  meta: Omit<EventMeta, "integrationId" | "correlationId" | "causationId">,
): EventMeta {
  return {
    ...meta,
    integrationId: cause.integrationid,
    correlationId: cause.correlationid ?? cause.id,
    causationId: cause.id,
  };
}
