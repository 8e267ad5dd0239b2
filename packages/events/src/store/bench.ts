import { performance } from "node:perf_hooks";
import { parseEvent } from "../contracts/parse.ts";
import type { EventEnvelope } from "../envelope/envelope.ts";
import { DocumentFolder } from "../projections/runner.ts";
import { platformProjections } from "../projections/views.ts";
import type { EventStore, RecordedEvent } from "./port.ts";

export interface EventBenchResult {
  adapter: string;
  events: number;
  appendSinglePerSec: number;
  appendBatchedPerSec: number;
  rawReadPerSec: number;
  validatedReadPerSec: number;
  /** validated / raw: the design's budget is ≥ 0.8. */
  ratio: number;
}

export interface EventBenchOptions {
  adapter: string;
  store: EventStore;
  /** Events to write and replay (default 2000). */
  events?: number;
  batchSize?: number;
  /** Builds the n-th event (e.g. from the examples); ids must be unique. */
  makeEvent(n: number): EventEnvelope;
}

async function readEverything(
  store: EventStore,
  onPage?: (events: RecordedEvent[]) => void,
): Promise<number> {
  let since: string | undefined;
  let count = 0;
  for (;;) {
    const page = await store.readAll({ since, limit: 1000 });
    onPage?.(page.events);
    count += page.events.length;
    since = page.position;
    if (!page.more) return count;
  }
}

/**
 * Append throughput (one event per call, then batches) and replay throughput: raw reads
 * against reads that also validate every event and fold it through the platform projections.
 */
export async function benchEvents(options: EventBenchOptions): Promise<EventBenchResult> {
  const total = options.events ?? 2000;
  const batch = options.batchSize ?? 25;
  const half = Math.floor(total / 2);

  let t = performance.now();
  for (let i = 0; i < half; i++)
    await options.store.appendToStream(`bench-single#${i % 50}`, [options.makeEvent(i)]);
  const appendSinglePerSec = half / ((performance.now() - t) / 1000);

  t = performance.now();
  for (let i = half; i < total; i += batch) {
    const events = Array.from({ length: Math.min(batch, total - i) }, (_, k) => options.makeEvent(i + k));
    await options.store.appendToStream(`bench-batch#${i % 50}`, events);
  }
  const appendBatchedPerSec = (total - half) / ((performance.now() - t) / 1000);

  // Warm both paths once, then take the best of three to damp GC and I/O noise.
  const raw = await bestOf(3, () => readEverything(options.store));
  const validated = await bestOf(3, () => {
    const folder = new DocumentFolder(platformProjections);
    return readEverything(options.store, (events) => {
      for (const r of events) {
        const parsed = parseEvent(r.event);
        if (parsed.ok) folder.apply(parsed.event);
      }
    });
  });
  return {
    adapter: options.adapter,
    events: raw.count,
    appendSinglePerSec,
    appendBatchedPerSec,
    rawReadPerSec: raw.count / raw.seconds,
    validatedReadPerSec: validated.count / validated.seconds,
    ratio: raw.seconds / validated.seconds,
  };
}

async function bestOf(n: number, run: () => Promise<number>): Promise<{ count: number; seconds: number }> {
  await run();
  let best = { count: 0, seconds: Number.POSITIVE_INFINITY };
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const count = await run();
    const seconds = (performance.now() - t) / 1000;
    if (seconds < best.seconds) best = { count, seconds };
  }
  return best;
}

/** The n-th benchmark event: the catalogue's examples in turn, each with a unique id. */
export async function benchEventFactory(): Promise<(n: number) => EventEnvelope> {
  const { exampleEvents } = await import("../contracts/examples.ts");
  const examples = exampleEvents();
  return (n) => {
    const e = examples[n % examples.length] as EventEnvelope;
    return { ...e, id: `bench-${n}`, integrationid: `int-${n % 20}` };
  };
}
