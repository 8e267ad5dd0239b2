import {
  benchEventFactory,
  benchEvents,
  createEventTable,
  DynamoDbEventStore,
  type EventBenchResult,
  InMemoryEventStore,
} from "@vigil/events";
import { startLocalAws } from "@vigil/testkit";
import Table from "cli-table3";
import type { Command } from "commander";
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
      console.log(options.json ? JSON.stringify(results, null, 2) : renderBench(results));
      process.exitCode = results.every((r) => r.ratio >= 0.8) ? 0 : 4;
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

export function renderBench(results: readonly EventBenchResult[]): string {
  const table = new Table({
    head: [
      "adapter",
      "events",
      "append 1/call /s",
      "append batched /s",
      "raw read /s",
      "validated+projected /s",
      "ratio (≥ 0.8)",
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
