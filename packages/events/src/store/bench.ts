import { performance } from "node:perf_hooks";
import { exampleEvents } from "../contracts/examples.ts";
import { parseEvent } from "../contracts/parse.ts";
import type { EventEnvelope } from "../envelope/envelope.ts";
import { DocumentFolder } from "../projections/runner.ts";
import { platformProjections } from "../projections/views.ts";
import { readAllPages } from "./pages.ts";
import type { EventStore } from "./port.ts";

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
  /** Events to write and replay (default 10,000: ten pages of 1,000, so reads overlap work). */
  events?: number;
  /** Of those, appended one per call (default 500; the rest in batches). */
  singleAppends?: number;
  batchSize?: number;
  /** Builds the n-th event (e.g. from the examples); ids must be unique. */
  makeEvent(n: number): EventEnvelope;
}

/** The raw read: `readAll` page after page, nothing done with the events. */
async function readEverything(store: EventStore): Promise<number> {
  let since: string | undefined;
  let count = 0;
  for (;;) {
    const page = await store.readAll({ since, limit: 1000 });
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
  const total = options.events ?? 10_000;
  const batch = options.batchSize ?? 25;
  const single = Math.min(Math.floor(total / 2), options.singleAppends ?? 500);

  let t = performance.now();
  for (let i = 0; i < single; i++)
    await options.store.appendToStream(`bench-single#${i % 50}`, [options.makeEvent(i)]);
  const appendSinglePerSec = single / ((performance.now() - t) / 1000);

  t = performance.now();
  for (let i = single; i < total; i += batch) {
    const events = Array.from({ length: Math.min(batch, total - i) }, (_, k) => options.makeEvent(i + k));
    await options.store.appendToStream(`bench-batch#${i % 50}`, events);
  }
  const appendBatchedPerSec = (total - single) / ((performance.now() - t) / 1000);

  // The replay as `rebuildProjections` runs it: pages read one ahead, so validating and projecting
  // a page overlaps the read of the next.
  const replay = async () => {
    const folder = new DocumentFolder(platformProjections);
    let count = 0;
    for await (const page of readAllPages(options.store, { limit: 1000 })) {
      for (const r of page.events) {
        const parsed = parseEvent(r.event);
        if (parsed.ok) folder.apply(parsed.event);
      }
      count += page.events.length;
    }
    return count;
  };
  // Both warmed, then run in turns (a store that warms up or slows down over time favours neither),
  // the best of five each to damp GC and I/O noise.
  const [raw, validated] = await bestOfInTurns(5, [() => readEverything(options.store), replay]);
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

async function bestOfInTurns(
  n: number,
  runs: readonly [() => Promise<number>, () => Promise<number>],
): Promise<[{ count: number; seconds: number }, { count: number; seconds: number }]> {
  for (const run of runs) await run();
  const best = runs.map(() => ({ count: 0, seconds: Number.POSITIVE_INFINITY }));
  for (let i = 0; i < n; i++) {
    for (const [k, run] of runs.entries()) {
      const t = performance.now();
      const count = await run();
      const seconds = (performance.now() - t) / 1000;
      if (seconds < (best[k] as { seconds: number }).seconds) best[k] = { count, seconds };
    }
  }
  return [best[0] as { count: number; seconds: number }, best[1] as { count: number; seconds: number }];
}

/** The n-th benchmark event: the catalogue's examples in turn, each with a unique id. */
export async function benchEventFactory(): Promise<(n: number) => EventEnvelope> {
  const examples = exampleEvents();
  return (n) => {
    const e = examples[n % examples.length] as EventEnvelope;
    return { ...e, id: `bench-${n}`, integrationid: `int-${n % 20}` };
  };
}
