import { type BusBenchResult, benchBus, benchEventFactory, RequestCounter, SnsSqsBus } from "@vigil/events";
import { provisionLocalStack, startLocalAws } from "@vigil/testkit";
import type { Command } from "commander";
import { newTable } from "../report/table.ts";
import { wholeNumber } from "./arguments.ts";

/** Budget of the cost model: SQS requests per event in steady state. */
export const SQS_REQUESTS_PER_EVENT_BUDGET = 0.35;

/** `vigil bench bus` under an existing `bench` command. */
export function registerBenchBus(bench: Command): void {
  bench
    .command("bus")
    .description(
      "Bus: publish → consume → ack events/s on the local stack, and SNS/SQS requests per 1,000 events",
    )
    .option("--events <n>", "events to push through", wholeNumber(1, 1_000_000), 5000)
    .option("--pollers <n>", "concurrent receive loops", wholeNumber(1, 64), 2)
    .option("--json", "print JSON")
    .action(async (options: { events: number; pollers: number; json?: boolean }) => {
      const result = await runBusBench({ events: options.events, pollers: options.pollers });
      console.log(options.json ? JSON.stringify(result, null, 2) : renderBusBench(result));
      process.exitCode = result.sqsRequestsPerEvent <= SQS_REQUESTS_PER_EVENT_BUDGET ? 0 : 4;
    });
}

export function register(program: Command): void {
  const bench =
    program.commands.find((c) => c.name() === "bench") ??
    program.command("bench").description("Measure Vigil against its budgets");
  registerBenchBus(bench);
}

export async function runBusBench(options: { events: number; pollers?: number }): Promise<BusBenchResult> {
  const local = await startLocalAws({ dynamodb: false });
  try {
    const stack = await provisionLocalStack(local, { integrationId: "bench" });
    const topicArn = stack.topics.events?.arn;
    if (!topicArn) throw new Error("provisioning created no events topic");
    const counter = new RequestCounter();
    counter.attach(local.clients.sqs, "SQS");
    counter.attach(local.clients.sns, "SNS");
    const bus = new SnsSqsBus({
      sns: local.clients.sns,
      sqs: local.clients.sqs,
      topicArn,
      integrationId: "bench",
    });
    return await benchBus({
      bus,
      counter,
      consumer: "platform",
      events: options.events,
      makeEvent: await benchEventFactory(),
      pollers: options.pollers ?? 2,
    });
  } finally {
    await local.stop();
  }
}

export function renderBusBench(r: BusBenchResult): string {
  const table = newTable({ head: ["measure", "value"] });
  const n = (x: number, d = 0) =>
    x.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });
  table.push(
    ["events", n(r.events)],
    ["publish → consume → ack /s", n(r.eventsPerSecond)],
    ["publish /s", n(r.publishPerSecond)],
    ["SNS requests / 1,000 events", n(r.snsRequestsPer1000, 1)],
    ["SQS requests / 1,000 events", n(r.sqsRequestsPer1000, 1)],
    [`SQS requests / event (≤ ${SQS_REQUESTS_PER_EVENT_BUDGET})`, n(r.sqsRequestsPerEvent, 3)],
    ["SNS by operation", JSON.stringify(r.sns)],
    ["SQS by operation", JSON.stringify(r.sqs)],
    ["empty receives", n(r.consume.emptyReceives)],
  );
  return table.toString();
}
