import type { EventEnvelope } from "../envelope/envelope.ts";

/**
 * Expected-version semantics (Emmett style): an exact version (the stream's last version the
 * caller decided on), "no_stream" (the stream must not exist yet), or "any" (append at the end).
 */
export type ExpectedVersion = number | "no_stream" | "any";

/** An event as stored: its place in its stream and in the global order. */
export interface RecordedEvent<E extends EventEnvelope = EventEnvelope> {
  streamId: string;
  /** 1-based, contiguous within the stream. */
  version: number;
  /** The store's clock when the event was appended (ISO 8601, UTC). */
  recordedAt: string;
  /** Opaque cursor in the global order; pass it as `readAll({ since })` to continue after it. */
  position: string;
  /** The envelope exactly as appended (old versions included; decode with `parseEvent`). */
  event: E;
}

export interface AppendOptions {
  expectedVersion?: ExpectedVersion;
}

export interface AppendResult {
  streamId: string;
  firstVersion: number;
  /** The stream's version after this append: pass it as the next `expectedVersion`. */
  lastVersion: number;
  /** True when every event id was already in the stream: a retry, nothing written. */
  alreadyAppended: boolean;
}

export interface ReadStreamOptions {
  /** First version to return (inclusive, default 1). */
  from?: number;
  /** Last version to return (inclusive, default the end). */
  to?: number;
}

export interface ReadStreamResult {
  streamId: string;
  events: RecordedEvent[];
  /** The stream's current last version (0 when it does not exist), whatever the range asked. */
  streamVersion: number;
}

export interface ReadAllOptions {
  /** Exclusive cursor: return events after this position (default: from the beginning). */
  since?: string;
  /** Maximum events to return in this call (default 1000). */
  limit?: number;
}

export interface ReadAllResult {
  events: RecordedEvent[];
  /** Cursor to continue from; equals `since` when nothing new was found. */
  position: string | undefined;
  /** True when the call stopped at `limit` and more events may follow immediately. */
  more: boolean;
}

/** The event log. Streams are append-only; events are never rewritten. */
export interface EventStore {
  appendToStream(
    streamId: string,
    events: readonly EventEnvelope[],
    options?: AppendOptions,
  ): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<ReadStreamResult>;
  /**
   * Events across all streams ordered by position (recordedAt, stream, version). See the
   * adapter for the visibility guarantee under concurrent writers.
   */
  readAll(options?: ReadAllOptions): Promise<ReadAllResult>;
}

export const DEFAULT_READ_ALL_LIMIT = 1000;

/**
 * Global position of an event: `<recordedAt>#<streamId>#<version, 10 digits>`. Sorting the
 * strings is the global order — time, then stream, then version — and because every adapter
 * keeps `recordedAt` monotonic within a stream, a stream's events keep their version order.
 */
export function positionOf(recordedAt: string, streamId: string, version: number): string {
  return `${recordedAt}#${streamId}#${String(version).padStart(10, "0")}`;
}

/** `recordedAt` part of a position (ISO 8601 with milliseconds is 24 characters). */
export function recordedAtOf(position: string): string {
  return position.slice(0, 24);
}
