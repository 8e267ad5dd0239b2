import {
  benchEventFactory,
  benchEvents,
  createEventTable,
  DynamoDbEventStore,
  type EventBenchResult,
  InMemoryEventStore,
} from "@vigil/events";
import { startLocalAws } from "@vigil/testkit";
import type { Command } from "commander";
import { newTable } from "../report/table.ts";
import { wholeNumber } from "./arguments.ts";

/** `vigil bench events`: append and replay throughput of the event log, on both adapters. */
export function register(program: Command): void {
  const bench =
    program.commands.find((c) => c.name() === "bench") ??
    program.command("bench").description("Measure Vigil against its budgets");
  bench
    .command("events")
    .description("Event log: append (single, batched) and replay (raw vs validated + projected) throughput")
    .option("--events <n>", "events per adapter", wholeNumber(2, 1_000_000), 10_000)
    .option("--no-dynamodb", "skip DynamoDB Local (needs Java)")
    .option("--json", "print JSON")
    .action(async (options: { events: number; dynamodb: boolean; json?: boolean }) => {
      const results = await runEventBench({ events: options.events, dynamodb: options.dynamodb });
      const verdict = replayBudget(results);
      console.log(
        options.json
          ? JSON.stringify({ results, budget: verdict }, null, 2)
          : `${renderBench(results)}\n${verdict.line}`,
      );
      process.exitCode = verdict.met === false ? 4 : 0;
    });
}

export async function runEventBench(options: {
  events: number;
  dynamodb: boolean;
}): Promise<EventBenchResult[]> {
  const makeEvent = await benchEventFactory();
  const results = [
    await benchEvents({
      adapter: "in-memory",
      store: new InMemoryEventStore(),
      events: options.events,
      makeEvent,
    }),
  ];
  if (options.dynamodb) {
    const local = await startLocalAws({ dynamodb: true });
    try {
      await createEventTable(local.clients.dynamodb, "bench-events");
      const store = new DynamoDbEventStore({
        client: local.clients.dynamodb,
        tableName: "bench-events",
        settleMs: 0,
      });
      results.push(
        await benchEvents({ adapter: "DynamoDB Local", store, events: options.events, makeEvent }),
      );
    } finally {
      await local.stop();
    }
  }
  return results;
}

/** The design's replay budget, ≥ 0.8× the raw read, is DynamoDB's: the in-memory raw read is a pointer walk. */
export const REPLAY_BUDGET = 0.8;

export function replayBudget(results: readonly EventBenchResult[]): {
  met: boolean | undefined;
  line: string;
} {
  const judged = results.filter((r) => r.adapter !== "in-memory");
  if (judged.length === 0)
    return {
      met: undefined,
      line: `replay budget (≥ ${REPLAY_BUDGET}× the raw read of DynamoDB): not judged, DynamoDB Local was not run`,
    };
  const worst = Math.min(...judged.map((r) => r.ratio));
  const met = worst >= REPLAY_BUDGET;
  return {
    met,
    line: `replay budget (≥ ${REPLAY_BUDGET}× the raw read of DynamoDB): ${met ? "met" : "NOT MET"} (${worst.toFixed(3)}×; the in-memory ratio is not a budget)`,
  };
}

export function renderBench(results: readonly EventBenchResult[]): string {
  const table = newTable({
    head: [
      "adapter",
      "events",
      "append 1/call /s",
      "append batched /s",
      "raw read /s",
      "validated+projected /s",
      "ratio",
    ],
  });
  const n = (x: number) => Math.round(x).toLocaleString("en-US");
  for (const r of results) {
    table.push([
      r.adapter,
      r.events,
      n(r.appendSinglePerSec),
      n(r.appendBatchedPerSec),
      n(r.rawReadPerSec),
      n(r.validatedReadPerSec),
      r.ratio.toFixed(2),
    ]);
  }
  return table.toString();
}
