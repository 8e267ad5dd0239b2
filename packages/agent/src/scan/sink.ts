import type { VigilEvent } from "@vigil/events";

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
