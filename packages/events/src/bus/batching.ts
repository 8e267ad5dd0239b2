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
