import { consumersFor, type EventStore, queueDefinition, type VigilEvent } from "@vigil/events";

/**
 * Where a scan's facts go. The bus adapter (SNS→SQS) or an event store append plugs in here;
 * tests and the CLI collect them in memory. Called in order; the scan awaits each call.
 */
export type EventSink = (events: readonly VigilEvent[]) => Promise<void> | void;

/** Keeps every event in memory, in emission order. */
export function memorySink(): { emit: EventSink; events: VigilEvent[] } {
  const events: VigilEvent[] = [];
  return {
    events,
    emit: (batch) => {
      events.push(...batch);
    },
  };
}

/** Fans one scan's events out to several sinks, in order. */
export function teeSink(...sinks: readonly EventSink[]): EventSink {
  return async (batch) => {
    for (const sink of sinks) await sink(batch);
  };
}

/**
 * Appends, then publishes what the agent itself produced (its `source`); events that came from
 * elsewhere (a platform's `scan.requested`) are not published again. A retried append
 * (`alreadyAppended`) publishes again too: the first attempt may have stopped between its append
 * and its publish. Publishing is at least once; consumers deduplicate by event id.
 */
export function publishingStore(store: EventStore, source: string, sink: EventSink): EventStore {
  return {
    readStream: (id, options) => store.readStream(id, options),
    readAll: (options) => store.readAll(options),
    async appendToStream(streamId, events, options) {
      const result = await store.appendToStream(streamId, events, options);
      // A retried append was already in the log, perhaps written by another writer with the same
      // ids and other content (a timestamp): what is published is what the log holds.
      const published = result.alreadyAppended
        ? (
            await store.readStream(streamId, { from: result.firstVersion, to: result.lastVersion })
          ).events.map((e) => e.event)
        : events;
      const ours = published.filter((e) => e.source === source);
      if (ours.length > 0) await sink(ours as Parameters<EventSink>[0]);
      return result;
    },
  };
}

/**
 * A sink that holds what it is given until `flush`: the events of many appends (several shards of
 * a drain) go out together, in full batches (SNS PublishBatch takes 10, the platform 100), instead
 * of a call or two per append. Flush before acknowledging the work that recorded them.
 */
export function bufferedSink(target: EventSink): { publish: EventSink; flush: () => Promise<void> } {
  let held: VigilEvent[] = [];
  return {
    publish: (events) => {
      held.push(...events);
    },
    async flush() {
      if (held.length === 0) {
        await target([]); // the target may hold work of its own to retry
        return;
      }
      const out = held;
      held = [];
      try {
        await target(out);
      } catch (error) {
        held = [...out, ...held]; // kept for the next flush; the caller sees the failure
        throw error;
      }
    },
  };
}

/**
 * A sink that never loses what its target refused: the events are kept and sent again, first, at
 * the next call (an empty call retries too), and the failure is logged, not thrown. At most `max`
 * are kept; beyond that the oldest are dropped, logged as an error with their number.
 */
export function retryingSink(
  target: EventSink,
  log: (level: "warn" | "error", message: string, data: Record<string, unknown>) => void,
  max: number,
): EventSink & { pending: () => number } {
  let undelivered: VigilEvent[] = [];
  const sink = async (events: readonly VigilEvent[]) => {
    const out = [...undelivered, ...events];
    undelivered = [];
    if (out.length === 0) return;
    try {
      await target(out);
    } catch (error) {
      const dropped = Math.max(0, out.length - max);
      undelivered = out.slice(dropped);
      log(dropped > 0 ? "error" : "warn", "could not report to the platform; kept for the next flush", {
        events: out.length,
        kept: undelivered.length,
        ...(dropped > 0 ? { dropped } : {}),
        error: String(error),
      });
    }
  };
  return Object.assign(sink, { pending: () => undelivered.length });
}

/** Event types the deployed agent records but does not send anywhere (its own bookkeeping). */
export const KEPT_LOCAL: ReadonlySet<string> = new Set(["vigil.scan.shard-completed.v1"]);

/**
 * Whether an event the agent recorded goes on the integration's events topic: only when a
 * subscriber other than the agent itself takes it (the topology's filter policies; the agent
 * already acted on what it recorded, an echo would only invoke it for nothing). The platform's
 * subscription counts only where the platform reads the topic (the local stack): a deployed
 * platform, in its own account, gets the agent's results over signed HTTP or the organization's
 * bus, so publishing them to the topic too would pay for messages no one receives.
 */
export function goesOnTopic(type: string, platformReachedDirectly: boolean): boolean {
  return consumersFor(type).some(
    (consumer) =>
      consumer !== "agent" &&
      (!platformReachedDirectly || queueDefinition(consumer).placement === "integration"),
  );
}

/**
 * Where what the agent records goes: its own bookkeeping nowhere (`KEPT_LOCAL`), to the topic what
 * a subscriber takes (`goesOnTopic`), to the platform everything else, when it is reached directly.
 */
export function outboundSink(options: {
  publish: (events: readonly VigilEvent[]) => Promise<unknown>;
  /** The platform's copy (signed HTTP or the organization's bus); absent: the platform reads the topic. */
  toPlatform?: EventSink;
}): EventSink {
  const direct = options.toPlatform !== undefined;
  return async (all) => {
    const events = all.filter((e) => !KEPT_LOCAL.has(e.type));
    const onTopic = events.filter((e) => goesOnTopic(e.type, direct));
    if (onTopic.length > 0) await options.publish(onTopic);
    if (options.toPlatform) await options.toPlatform(events);
  };
}
