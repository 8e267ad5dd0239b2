import { createHash } from "node:crypto";
import type { EventEnvelope } from "../envelope/envelope.ts";
import { eventTable } from "../topology/event-table.ts";
import { AppendTooLargeError, PayloadTooLargeError } from "./errors.ts";
import { type ExpectedVersion, positionOf } from "./port.ts";

/**
 * What one append may hold. The DynamoDB adapter writes an append as one TransactWriteItems (or
 * one conditional PutItem for the first event of a stream); every adapter refuses what that
 * cannot hold, so a test against the in-memory store fails where AWS would.
 */
export const EVENT_STORE_LIMITS = {
  /** Items in one TransactWriteItems, the ConditionCheck on the previous version included. */
  transactionItems: 100,
  /** Bytes in one TransactWriteItems (sum of its items' sizes). */
  transactionBytes: 4 * 1024 * 1024,
  /** Bytes in one DynamoDB item. */
  itemBytes: 400 * 1024,
  /**
   * A serialized event above this is claim-checked (its `data` to S3) or, without a claim-check
   * bucket, refused; the margin under `itemBytes` leaves room for keys and attribute names.
   */
  claimCheckThresholdBytes: 350 * 1024,
  /**
   * UTF-8 bytes of a stream id. An event's position (`recordedAt#streamId#version`: 24 + 1 + id +
   * 1 + 10 bytes) is the replay index's sort key, which DynamoDB caps at 1,024 bytes.
   */
  streamIdBytes: 1024 - 36,
  /** Events in one append to a stream that does not exist yet: one Put per event. */
  eventsPerAppendNewStream: 100,
  /** Events in one append to an existing stream: one item goes to the check on the previous version. */
  eventsPerAppendExistingStream: 99,
} as const;

/** DynamoDB's own limits (kept for callers of the DynamoDB adapter's earlier export). */
export const DYNAMODB_LIMITS = {
  itemBytes: EVENT_STORE_LIMITS.itemBytes,
  transactionItems: EVENT_STORE_LIMITS.transactionItems,
  transactionBytes: EVENT_STORE_LIMITS.transactionBytes,
} as const;

/** Serialized events above this go to the claim check (see `EVENT_STORE_LIMITS`). */
export const CLAIM_CHECK_THRESHOLD_BYTES = EVENT_STORE_LIMITS.claimCheckThresholdBytes;

/**
 * How many events one `appendToStream` may carry. `"no_stream"` and `0` target a new stream
 * (100); a version ≥ 1 an existing one (99). `"any"` may land on either, so it gets the smaller.
 */
export function maxEventsPerAppend(target: ExpectedVersion | "new" | "existing"): number {
  return target === "new" || target === "no_stream" || target === 0
    ? EVENT_STORE_LIMITS.eventsPerAppendNewStream
    : EVENT_STORE_LIMITS.eventsPerAppendExistingStream;
}

/**
 * Partitions of the replay index per day. A DynamoDB partition takes at most 1,000 write units a
 * second, and the index's sort key (the position) only grows, so one partition per day would take
 * every event of the moment and cap the whole log at ~1,000 KB/s of events (split for heat cannot
 * split an ever-increasing key). Spread by stream over 16, the index takes ~16,000 WCU/s; readAll
 * merges the day's partitions by position.
 */
export const REPLAY_INDEX_SHARDS = 16;

/** Day of a recordedAt (`YYYY-MM-DD`): readAll walks the days in order. */
export function dayOf(recordedAt: string): string {
  return recordedAt.slice(0, 10);
}

/** The replay index partition of an event: its day and its stream's shard (`YYYY-MM-DD#0a`). */
export function bucketOf(recordedAt: string, streamId: string): string {
  const shard = (createHash("sha256").update(streamId).digest()[0] ?? 0) % REPLAY_INDEX_SHARDS;
  return shardBucket(dayOf(recordedAt), shard);
}

/** One shard's partition of a day: the one spelling both writing and reading use. */
function shardBucket(day: string, shard: number): string {
  return `${day}#${shard.toString(16).padStart(2, "0")}`;
}

/**
 * Every replay index partition of a day, in no particular order: its shards, and the day alone,
 * where events were indexed before the index was sharded.
 */
export function bucketsOfDay(day: string): string[] {
  return [day, ...Array.from({ length: REPLAY_INDEX_SHARDS }, (_, i) => shardBucket(day, i))];
}

/** Where a claim-checked `data` lives and how to tell it came back intact (stored as `dataRef`). */
export interface ClaimRef {
  bucket: string;
  key: string;
  sha256: string;
  bytes: number;
}

/** Object key of a claim-checked payload: by stream and event id, so a retry overwrites, never orphans. */
export function claimCheckKey(prefix: string, streamId: string, eventId: string): string {
  const stream = createHash("sha256").update(streamId).digest("hex").slice(0, 32);
  return `${prefix}${stream}/${encodeURIComponent(eventId)}.json`;
}

export function sha256Hex(body: string): string {
  return createHash("sha256").update(body).digest("hex");
}

/** An event as it will be stored: the envelope JSON, and the `data` to claim-check when too large. */
export interface StoredBody {
  /** The envelope, or the envelope without `data` when `claim` is set. */
  json: string;
  /** `JSON.stringify(event.data)`, to be put in the claim-check store. */
  claim?: { data: string; sha256: string; bytes: number };
}

/**
 * The payload rule every adapter applies: an event up to `claimCheckThresholdBytes` serialized is
 * stored inline; a larger one has its `data` claim-checked when the store has a claim check, and
 * is refused (`PayloadTooLargeError`) when it has none or when the rest of its envelope alone is
 * still above the threshold.
 */
export function storedBodyOf(event: EventEnvelope, claimCheck: boolean): StoredBody {
  const json = JSON.stringify(event);
  const bytes = Buffer.byteLength(json);
  const max = EVENT_STORE_LIMITS.claimCheckThresholdBytes;
  if (bytes <= max) return { json };
  if (!claimCheck) throw new PayloadTooLargeError(event.id, bytes, max);
  const { data: _omitted, ...envelope } = event;
  const stub = JSON.stringify(envelope);
  const stubBytes = Buffer.byteLength(stub);
  if (stubBytes > max) throw new PayloadTooLargeError(event.id, stubBytes, max, { claimChecked: true });
  const data = JSON.stringify(event.data);
  return { json: stub, claim: { data, sha256: sha256Hex(data), bytes: Buffer.byteLength(data) } };
}

const PK = eventTable.partitionKey.name;
const SK = eventTable.sortKey.name;
const GSI = eventTable.globalSecondaryIndexes[0];
const BUCKET = GSI?.partitionKey.name ?? "timeBucket";
const TIME_ID = GSI?.sortKey.name ?? "timeId";

/** Attribute names of a stored event (the event table's layout). */
export const EVENT_ITEM_ATTRIBUTES = {
  streamId: PK,
  version: SK,
  timeBucket: BUCKET,
  timeId: TIME_ID,
} as const;

/**
 * The attributes of one stored event as strings (the version is DynamoDB's N, the rest S). The
 * DynamoDB adapter writes exactly these; every adapter sizes an append by them.
 */
export function storedItemAttributes(row: {
  streamId: string;
  version: number;
  recordedAt: string;
  id: string;
  type: string;
  json: string;
  dataRef?: string;
}): Record<string, string> {
  const attributes: Record<string, string> = {
    [PK]: row.streamId,
    [SK]: String(row.version),
    id: row.id,
    type: row.type,
    recordedAt: row.recordedAt,
    [BUCKET]: bucketOf(row.recordedAt, row.streamId),
    [TIME_ID]: positionOf(row.recordedAt, row.streamId, row.version),
    e: row.json,
  };
  if (row.dataRef !== undefined) attributes.dataRef = row.dataRef;
  return attributes;
}

/**
 * DynamoDB's item size: UTF-8 bytes of attribute names plus values, a number (the version) as one
 * byte per two significant digits plus one (leading and trailing zeros trimmed), as DynamoDB
 * sizes it. Measured against DynamoDB Local's own transaction payload size, byte for byte.
 */
export function storedItemBytes(attributes: Record<string, string>): number {
  let n = 0;
  for (const [name, value] of Object.entries(attributes))
    n += Buffer.byteLength(name) + (name === SK ? numberBytes(value) : Buffer.byteLength(value));
  return n;
}

function numberBytes(value: string): number {
  const digits = value
    .replace(/^[-+]?0*/, "")
    .replace(/\./, "")
    .replace(/0+$/, "").length;
  return Math.ceil(Math.max(digits, 1) / 2) + 1;
}

/** The condition on every Put of an event: no event at this version yet. */
export const PUT_CONDITION = "attribute_not_exists(#sk)";
/** The check on an existing stream's last version: it exists (no gaps), stamped no later than us (order). */
export const PREVIOUS_VERSION_CONDITION = "attribute_exists(#sk) AND recordedAt <= :now";

/**
 * What each conditional Put adds to a transaction's payload besides its item: DynamoDB counts the
 * condition expression and the attribute names it uses (measured against DynamoDB Local).
 */
export const PUT_CONDITION_BYTES = Buffer.byteLength(PUT_CONDITION) + Buffer.byteLength(SK);

/** What one stored event of `itemBytes` counts toward a transaction's 4 MB. */
export function transactionBytesOf(itemBytes: number): number {
  return itemBytes + PUT_CONDITION_BYTES;
}

/**
 * What the check on version `base` of an existing stream counts toward a transaction: its key,
 * its expression, the attribute name and the `:now` value (a 24-character timestamp).
 */
export function previousVersionCheckBytes(streamId: string, base: number): number {
  const key = Buffer.byteLength(PK) + Buffer.byteLength(streamId) + Buffer.byteLength(SK);
  return key + numberBytes(String(base)) + Buffer.byteLength(PREVIOUS_VERSION_CONDITION) + SK.length + 24;
}

/** Size of an event stored inline at `version` (recordedAt is always 24 characters). */
export function eventItemBytes(streamId: string, version: number, event: EventEnvelope): number {
  return storedItemBytes(
    storedItemAttributes({
      streamId,
      version,
      recordedAt: "0000-00-00T00:00:00.000Z",
      id: event.id,
      type: event.type,
      json: JSON.stringify(event),
    }),
  );
}

/**
 * The transaction rule every adapter applies once it knows the stream's current version `base`:
 * at most `maxEventsPerAppend` events (100 on a new stream, 99 on an existing one) and at most
 * `transactionBytes` over their items and conditions. Throws `AppendTooLargeError` saying which limit and how to split.
 */
export function assertAppendFits(streamId: string, base: number, itemBytes: readonly number[]): void {
  const maxEvents = maxEventsPerAppend(base > 0 ? "existing" : "new");
  const check = base > 0 ? previousVersionCheckBytes(streamId, base) : 0;
  const bytes = itemBytes.reduce((n, b) => n + transactionBytesOf(b), check);
  if (itemBytes.length > maxEvents || bytes > EVENT_STORE_LIMITS.transactionBytes) {
    throw new AppendTooLargeError(streamId, itemBytes.length, bytes, {
      maxEvents,
      maxBytes: EVENT_STORE_LIMITS.transactionBytes,
      existingStream: base > 0,
    });
  }
}

/** The longest version there can be: sizes an event whose version is not known yet. */
const UNKNOWN_VERSION = Number.MAX_SAFE_INTEGER;

/**
 * Split `events` into consecutive chunks that each fit one append: by count (the first chunk by
 * `expectedVersion`, 100 on a new stream, every later one 99) and by bytes (≤ 4 MB of items).
 * Append them in order, chaining `expectedVersion` from each result (`appendInBatches` does).
 * Sizes are upper bounds: an event above the claim-check threshold counts as a whole item
 * (400 KB), whatever the store does with it, and an unknown version counts at 16 digits.
 * `maxEvents` caps the chunk size further. Chunking is not atomicity: each chunk is atomic alone.
 */
export function planAppends<E extends EventEnvelope>(
  streamId: string,
  events: readonly E[],
  options: { expectedVersion?: ExpectedVersion; maxEvents?: number } = {},
): E[][] {
  const expected = options.expectedVersion ?? "any";
  const cap = options.maxEvents ?? Number.POSITIVE_INFINITY;
  if (!(cap >= 1)) throw new RangeError(`maxEvents must be ≥ 1, got ${options.maxEvents}`);
  const base = typeof expected === "number" ? expected : expected === "no_stream" ? 0 : undefined;
  const chunks: E[][] = [];
  let chunk: E[] = [];
  // A chunk on an existing stream also carries the check on its previous version.
  const checkBefore = (i: number) =>
    base === 0 && i === 0
      ? 0
      : previousVersionCheckBytes(streamId, base === undefined ? UNKNOWN_VERSION : base + i);
  let bytes = checkBefore(0);
  let limit = Math.min(cap, maxEventsPerAppend(expected));
  events.forEach((event, i) => {
    const version = base === undefined ? UNKNOWN_VERSION : base + i + 1;
    const size = transactionBytesOf(
      Math.min(eventItemBytes(streamId, version, event), EVENT_STORE_LIMITS.itemBytes),
    );
    if (chunk.length > 0 && (chunk.length >= limit || bytes + size > EVENT_STORE_LIMITS.transactionBytes)) {
      chunks.push(chunk);
      chunk = [];
      bytes = checkBefore(i);
      limit = Math.min(cap, EVENT_STORE_LIMITS.eventsPerAppendExistingStream);
    }
    chunk.push(event);
    bytes += size;
  });
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}
