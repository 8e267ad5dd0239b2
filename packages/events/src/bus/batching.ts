import type { MessageAttributes } from "./attributes.ts";
import { MessageTooLargeError } from "./errors.ts";

/** SNS PublishBatch and SQS SendMessageBatch: at most 10 entries and 256 KiB in all. */
export const MAX_BATCH_ENTRIES = 10;
export const MAX_PAYLOAD_BYTES = 256 * 1024;

export interface OutgoingMessage {
  /** The event id (or another stable id) the message carries, for error reports. */
  readonly eventId: string;
  readonly body: string;
  readonly attributes: MessageAttributes;
}

/** Size as SNS/SQS count it: body plus each attribute's name, data type and value. */
export function messageBytes(message: Pick<OutgoingMessage, "body" | "attributes">): number {
  let bytes = Buffer.byteLength(message.body, "utf8");
  for (const [name, value] of Object.entries(message.attributes)) {
    bytes += Buffer.byteLength(name, "utf8") + "String".length + Buffer.byteLength(value, "utf8");
  }
  return bytes;
}

export interface BatchLimits {
  maxEntries: number;
  maxBytes: number;
}

/**
 * Greedy, order-keeping split into batches that each respect both limits. A message that is
 * alone over `maxBytes` is an error: it should have been claim-checked before.
 */
export function planBatches<M extends Pick<OutgoingMessage, "eventId" | "body" | "attributes">>(
  messages: readonly M[],
  limits: BatchLimits = { maxEntries: MAX_BATCH_ENTRIES, maxBytes: MAX_PAYLOAD_BYTES },
): M[][] {
  const batches: M[][] = [];
  let current: M[] = [];
  let bytes = 0;
  for (const message of messages) {
    const size = messageBytes(message);
    if (size > limits.maxBytes) throw new MessageTooLargeError(message.eventId, size, limits.maxBytes);
    if (current.length === limits.maxEntries || bytes + size > limits.maxBytes) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(message);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Body marker of a message that carries several events (`{"vigil-pack":1,"events":[…]}`). */
export const PACK_MARKER = "vigil-pack";
/** Message attribute with the number of events in a pack (absent on single-event messages). */
export const PACK_SIZE_ATTRIBUTE = "vigil-pack-size";
/** Events per pack at most: bounds what one failed event makes the queue redeliver. */
export const DEFAULT_PACK_MAX_EVENTS = 100;
/**
 * Bytes per pack at most: below the 256 KiB message limit, leaving room for the SNS notification
 * envelope (JSON-escaped body) where a subscription is not raw (SNS → Lambda).
 */
export const DEFAULT_PACK_MAX_BYTES = MAX_PAYLOAD_BYTES - 16 * 1024;

export interface PackLimits {
  maxEvents: number;
  maxBytes: number;
}

/** The `pack` option of the buses: on (default limits), off (`false`), or with some limits changed. */
export function packLimits(option: boolean | Partial<PackLimits> = true): PackLimits | undefined {
  if (option === false) return undefined;
  const given = option === true ? {} : option;
  return {
    maxEvents: given.maxEvents ?? DEFAULT_PACK_MAX_EVENTS,
    maxBytes: given.maxBytes ?? DEFAULT_PACK_MAX_BYTES,
  };
}

/** A message to publish and the events it carries (one for a plain event body). */
export interface PlannedPack extends OutgoingMessage {
  readonly eventIds: readonly string[];
}

const PACK_HEAD = `{"${PACK_MARKER}":1,"events":[`;
const PACK_TAIL = "]}";

function packOf<M extends Pick<OutgoingMessage, "eventId" | "body" | "attributes">>(
  members: readonly M[],
): PlannedPack {
  const [first] = members;
  if (!first) throw new RangeError("a pack has at least one event");
  if (members.length === 1)
    return {
      eventId: first.eventId,
      body: first.body,
      attributes: first.attributes,
      eventIds: [first.eventId],
    };
  return {
    eventId: first.eventId,
    body: `${PACK_HEAD}${members.map((m) => m.body).join(",")}${PACK_TAIL}`,
    attributes: { ...first.attributes, [PACK_SIZE_ATTRIBUTE]: String(members.length) },
    eventIds: members.map((m) => m.eventId),
  };
}

/**
 * Groups messages whose attributes are identical (the filter policies route on them, so a pack
 * must be homogeneous) into packs of at most `maxEvents` events and `maxBytes` bytes, keeping
 * order within a group. Claim-checked messages and any message too large to share a pack travel
 * alone, with their body unchanged. Packs come out in the order their group first appears.
 */
export function planPacks<M extends Pick<OutgoingMessage, "eventId" | "body" | "attributes">>(
  messages: readonly M[],
  limits: PackLimits = { maxEvents: DEFAULT_PACK_MAX_EVENTS, maxBytes: DEFAULT_PACK_MAX_BYTES },
  /** Messages that must not be packed (claim-checked ones). */
  alone: (message: M) => boolean = () => false,
): PlannedPack[] {
  const groups = new Map<string, M[][]>();
  const order: M[][][] = [];
  // Pack bytes = head + tail + bodies + commas + attributes (with the pack-size attribute).
  const attributeBytes = (m: M) => messageBytes({ body: "", attributes: m.attributes });
  const overhead =
    PACK_HEAD.length +
    PACK_TAIL.length +
    PACK_SIZE_ATTRIBUTE.length +
    "String".length +
    String(limits.maxEvents).length;
  const bytesOf = new Map<M[], number>();
  for (const message of messages) {
    const bodyBytes = Buffer.byteLength(message.body, "utf8");
    if (alone(message) || overhead + attributeBytes(message) + bodyBytes > limits.maxBytes) {
      order.push([[message]]);
      continue;
    }
    const key = JSON.stringify(Object.entries(message.attributes).sort(([a], [b]) => (a < b ? -1 : 1)));
    let packs = groups.get(key);
    if (!packs) {
      packs = [];
      groups.set(key, packs);
      order.push(packs);
    }
    const current = packs.at(-1);
    const bytes = current ? (bytesOf.get(current) ?? 0) : 0;
    if (current && current.length < limits.maxEvents && bytes + 1 + bodyBytes <= limits.maxBytes) {
      current.push(message);
      bytesOf.set(current, bytes + 1 + bodyBytes);
    } else {
      const fresh = [message];
      packs.push(fresh);
      bytesOf.set(fresh, overhead + attributeBytes(message) + bodyBytes);
    }
  }
  return order.flatMap((packs) => packs.map((members) => packOf(members)));
}
