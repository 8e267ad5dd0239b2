import type { EventEnvelope } from "../envelope/envelope.ts";
import { InvalidAppendError } from "./errors.ts";
import { EVENT_STORE_LIMITS, planAppends } from "./limits.ts";
import type { AppendResult, EventStore, ExpectedVersion } from "./port.ts";

/** Checks every adapter does before writing; throws `InvalidAppendError` with the offending index. */
export function assertAppendable(streamId: string, events: readonly EventEnvelope[]): void {
  const bytes = Buffer.byteLength(streamId);
  if (bytes === 0 || bytes > EVENT_STORE_LIMITS.streamIdBytes) {
    throw new InvalidAppendError(
      `stream id must be 1..${EVENT_STORE_LIMITS.streamIdBytes} bytes (UTF-8): an event's position, which holds it, is the replay index's sort key (at most 1,024 bytes); got ${bytes}. Use a shorter id, or a hash of a long one.`,
    );
  }
  if (events.length === 0) throw new InvalidAppendError(`stream "${streamId}": nothing to append (0 events)`);
  const seen = new Set<string>();
  events.forEach((e, i) => {
    if (typeof e?.id !== "string" || e.id.length === 0 || typeof e.type !== "string") {
      throw new InvalidAppendError(
        `stream "${streamId}": event [${i}] has no id or type; build events with createEvent`,
      );
    }
    if (seen.has(e.id))
      throw new InvalidAppendError(`stream "${streamId}": event id ${e.id} appears twice in one append`);
    seen.add(e.id);
  });
}

export function assertExpectedVersion(expected: ExpectedVersion): void {
  if (typeof expected === "number" && !(Number.isInteger(expected) && expected >= 0)) {
    throw new InvalidAppendError(
      `expectedVersion must be an integer ≥ 0, "no_stream" or "any"; got ${expected}`,
    );
  }
}

/**
 * Idempotency rule shared by adapters: an append is a retry when the stream already holds
 * exactly these event ids, in order, at `from`… . Returns the original result, or undefined.
 */
export function matchRetry(
  streamId: string,
  events: readonly EventEnvelope[],
  stored: readonly { version: number; event: Pick<EventEnvelope, "id"> }[],
): AppendResult | undefined {
  if (stored.length !== events.length) return undefined;
  for (let i = 0; i < events.length; i++) {
    if (stored[i]?.event.id !== events[i]?.id) return undefined;
  }
  const first = stored[0]?.version ?? 0;
  return { streamId, firstVersion: first, lastVersion: first + events.length - 1, alreadyAppended: true };
}

/**
 * Append a long list in consecutive batches, chaining the expected version. The batches are
 * `planAppends`' chunks (each within the shared limits by count and bytes; `batchSize` caps the
 * count further). Each batch is atomic; the whole is not (a failure leaves earlier batches
 * written — retry with the same ids and they are recognised as already appended).
 */
export async function appendInBatches(
  store: EventStore,
  streamId: string,
  events: readonly EventEnvelope[],
  options: { expectedVersion?: ExpectedVersion; batchSize?: number } = {},
): Promise<AppendResult> {
  let expected: ExpectedVersion = options.expectedVersion ?? "any";
  const batches = planAppends(streamId, events, {
    expectedVersion: expected,
    ...(options.batchSize !== undefined ? { maxEvents: options.batchSize } : {}),
  });
  let first = 0;
  let last = 0;
  let alreadyAppended = true;
  for (const [i, batch] of batches.entries()) {
    const r = await store.appendToStream(streamId, batch, { expectedVersion: expected });
    if (i === 0) first = r.firstVersion;
    last = r.lastVersion;
    alreadyAppended &&= r.alreadyAppended;
    expected = r.lastVersion;
  }
  return { streamId, firstVersion: first, lastVersion: last, alreadyAppended };
}
