import { randomBytes } from "node:crypto";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  createEvent,
  createEventTable,
  DynamoDbEventStore,
  signRequest,
  type VigilEvent,
} from "@vigil/events";
import { reportStreamOf, startPlatform } from "@vigil/platform";
import { startLocalAws } from "@vigil/testkit";
import { type Command, Option } from "commander";
import { newTable } from "../report/table.ts";
import { positiveNumber, wholeNumber, wholeNumbers } from "./arguments.ts";

/** Budgets of issue 16 at 30 concurrent agents. */
export const PLATFORM_BUDGET = { reportsPerSecond: 2000, p99Ms: 500, agents: 30 } as const;

export interface PlatformBenchLevel {
  agents: number;
  requests: number;
  reports: number;
  errors: number;
  /** Status codes of the failed requests, with counts. */
  errorStatuses: Record<string, number>;
  seconds: number;
  reportsPerSecond: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface PlatformBenchResult {
  storage: string;
  batchSize: number;
  /** Open loop: the reports per second offered across each level's agents; absent: closed loop. */
  offeredReportsPerSecond?: number;
  requestsPerAgent: number;
  levels: PlatformBenchLevel[];
  /**
   * The event log alone on the same DynamoDB Local, in the same run: the largest level's agents
   * each appending the same requests' reports as ingest does (one `appendToStreams` of a stream
   * per report, `no_stream`), closed loop, no HTTP, signing, parsing or deciding. What ingest can
   * at most reach on this machine; absent in memory.
   */
  storeAlone?: Omit<PlatformBenchLevel, "errorStatuses">;
  budget: typeof PLATFORM_BUDGET;
  met: boolean;
}

/** `vigil bench platform` under an existing `bench` command. */
export function registerBenchPlatform(bench: Command): void {
  bench
    .command("platform")
    .description(
      "Platform: signed report ingest over HTTP at increasing concurrency, on the local stack (DynamoDB Local)",
    )
    .addOption(
      new Option("--levels <list>", "concurrent agents per level, comma-separated")
        .argParser(wholeNumbers(1, 200))
        .default([1, 5, 10, 20, 30], "1,5,10,20,30"),
    )
    .option("--requests <n>", "signed requests per agent per level", wholeNumber(1, 10_000), 12)
    .option(
      "--batch <n>",
      "asset reports per request (the agent sends 100; the API takes 500)",
      wholeNumber(1, 500),
      100,
    )
    .option(
      "--rate <reports/s>",
      "open loop: offer this many reports/s across each level's agents, each sending on its schedule whether or not its last request was answered (latency from the scheduled send); default: closed loop, each agent sending its next request when the last is answered",
      positiveNumber(1_000_000),
    )
    .addOption(
      new Option(
        "--storage <where>",
        "dynamodb (DynamoDB Local, the budget's) or memory (the platform's own ceiling)",
      )
        .choices(["dynamodb", "memory"] as const)
        .default("dynamodb"),
    )
    .option("--json", "print JSON")
    .action(
      async (options: {
        levels: number[];
        requests: number;
        batch: number;
        storage: "dynamodb" | "memory";
        rate?: number;
        json?: boolean;
      }) => {
        const result = await runPlatformBench({
          levels: options.levels,
          requestsPerAgent: options.requests,
          batchSize: options.batch,
          storage: options.storage,
          ...(options.rate !== undefined ? { offeredReportsPerSecond: options.rate } : {}),
        });
        console.log(options.json ? JSON.stringify(result, null, 2) : renderPlatformBench(result));
        process.exitCode = result.met ? 0 : 4;
      },
    );
}

export function register(program: Command): void {
  const bench =
    program.commands.find((c) => c.name() === "bench") ??
    program.command("bench").description("Measure Vigil against its budgets");
  registerBenchPlatform(bench);
}

interface Agent {
  integrationId: string;
  accountId: string;
  keyId: string;
  privateKeyPem: string;
}

/**
 * The platform on the local stack (event log, views and replay guard in DynamoDB Local, claim
 * check in fauxqs' S3) behind its Node server on loopback, and `max(levels)` registered agents.
 * Each level: that many agents at once, each sending `requestsPerAgent` signed requests of
 * `batchSize` asset reports (a fresh signature each), as the deployed agent reports a shard:
 * closed loop (the next request when the last is answered), or open loop at
 * `offeredReportsPerSecond` across the level's agents (each on its own schedule, phases spread, a
 * request sent when due whether or not the last was answered). Every latency is one request's,
 * measured at the client from when it was due (open loop), so a slow answer hides no wait.
 */
export async function runPlatformBench(options: {
  levels: number[];
  requestsPerAgent: number;
  batchSize: number;
  storage?: "dynamodb" | "memory";
  offeredReportsPerSecond?: number;
}): Promise<PlatformBenchResult> {
  const local = options.storage === "memory" ? undefined : await startLocalAws();
  const adminToken = randomBytes(32).toString("base64url");
  const platform = await startPlatform({ adminToken, ...(local ? { localAws: local } : {}) });
  try {
    const admin = { authorization: `Bearer ${adminToken}`, "content-type": "application/json" };
    const agents: Agent[] = [];
    for (let i = 0; i < Math.max(...options.levels); i++) {
      const accountId = String(100_000_000_000 + i);
      const created = (await (
        await fetch(`${platform.url}/admin/integrations`, {
          method: "POST",
          headers: admin,
          body: JSON.stringify({ accountId, homeRegion: "eu-west-1" }),
        })
      ).json()) as { integrationId: string; registrationToken: string };
      const exchanged = (await (
        await fetch(`${platform.url}/registrations/exchange`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ token: created.registrationToken }),
        })
      ).json()) as { keyId: string; privateKeyPem: string };
      agents.push({ integrationId: created.integrationId, accountId, ...exchanged });
    }
    const levels: PlatformBenchLevel[] = [];
    let scan = 0;
    for (const n of options.levels) {
      scan += 1;
      // Bodies built before the clock starts: the bench measures the platform, not event building.
      const bodies = agents
        .slice(0, n)
        .map((agent) =>
          Array.from({ length: options.requestsPerAgent }, (_, r) =>
            JSON.stringify({ events: reports(agent, `bench-${scan}`, r, options.batchSize) }),
          ),
        );
      const latencies: number[] = [];
      const errorStatuses: Record<string, number> = {};
      const started = performance.now();
      const send = async (agent: Agent, body: string, due: number) => {
        const headers = signRequest({
          method: "POST",
          path: "/agent/events",
          body,
          keyId: agent.keyId,
          privateKeyPem: agent.privateKeyPem,
          now: new Date(),
        });
        let status: number;
        try {
          const res = await fetch(`${platform.url}/agent/events`, {
            method: "POST",
            headers: { "content-type": "application/json", ...headers },
            body,
          });
          await res.arrayBuffer();
          status = res.status;
        } catch {
          status = 0;
        }
        latencies.push(performance.now() - due);
        if (status !== 202) errorStatuses[String(status)] = (errorStatuses[String(status)] ?? 0) + 1;
      };
      const rate = options.offeredReportsPerSecond;
      await Promise.all(
        agents.slice(0, n).map(async (agent, a) => {
          const mine = bodies[a] ?? [];
          if (rate === undefined) {
            for (const body of mine) await send(agent, body, performance.now());
            return;
          }
          // Each agent offers rate / n reports a second, its first request at its own phase.
          const intervalMs = (1000 * n * options.batchSize) / rate;
          const sent: Promise<void>[] = [];
          for (const [r, body] of mine.entries()) {
            const due = started + ((a + 0.5) / n + r) * intervalMs;
            const wait = due - performance.now();
            if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
            sent.push(send(agent, body, due));
          }
          await Promise.all(sent);
        }),
      );
      const errors = Object.values(errorStatuses).reduce((x, y) => x + y, 0);
      levels.push({ ...summarize(n, latencies, errors, options.batchSize, started), errorStatuses });
    }
    const storeAlone = local
      ? await measureStoreAlone(local.clients.dynamodb, agents, options.requestsPerAgent, options.batchSize)
      : undefined;
    const at30 = levels.find((l) => l.agents === PLATFORM_BUDGET.agents);
    return {
      storage: platform.storage,
      batchSize: options.batchSize,
      ...(options.offeredReportsPerSecond !== undefined
        ? { offeredReportsPerSecond: options.offeredReportsPerSecond }
        : {}),
      requestsPerAgent: options.requestsPerAgent,
      levels,
      ...(storeAlone ? { storeAlone } : {}),
      budget: PLATFORM_BUDGET,
      met:
        at30 !== undefined &&
        at30.errors === 0 &&
        at30.reportsPerSecond >= PLATFORM_BUDGET.reportsPerSecond &&
        at30.p99Ms <= PLATFORM_BUDGET.p99Ms,
    };
  } finally {
    await platform.stop();
    await local?.stop();
  }
}

/** One level's figures from its requests' latencies (in any order), failures and start. */
function summarize(
  agents: number,
  latencies: number[],
  errors: number,
  batchSize: number,
  started: number,
): Omit<PlatformBenchLevel, "errorStatuses"> {
  const seconds = (performance.now() - started) / 1000;
  const requests = latencies.length;
  const reports = (requests - errors) * batchSize;
  latencies.sort((x, y) => x - y);
  return {
    agents,
    requests,
    reports,
    errors,
    seconds,
    reportsPerSecond: reports / seconds,
    requestsPerSecond: requests / seconds,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    maxMs: latencies.at(-1) ?? 0,
  };
}

async function measureStoreAlone(
  client: DynamoDBClient,
  agents: readonly Agent[],
  requestsPerAgent: number,
  batchSize: number,
): Promise<NonNullable<PlatformBenchResult["storeAlone"]>> {
  const tableName = "vigil-bench-store-alone";
  await createEventTable(client, tableName);
  const store = new DynamoDbEventStore({ client, tableName, settleMs: 0 });
  const batches = agents.map((agent) =>
    Array.from({ length: requestsPerAgent }, (_, r) => reports(agent, "bench-store-alone", r, batchSize)),
  );
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    batches.map(async (mine) => {
      for (const events of mine) {
        const t = performance.now();
        try {
          await store.appendToStreams(
            events.map((e) => ({
              streamId: reportStreamOf(e),
              events: [e],
              expectedVersion: "no_stream" as const,
            })),
          );
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  return summarize(agents.length, latencies, errors, batchSize, started);
}

function reports(agent: Agent, scanId: string, request: number, n: number): VigilEvent[] {
  const at = new Date().toISOString();
  return Array.from({ length: n }, (_, i) =>
    createEvent(
      "vigil.scan.asset-assessed.v1",
      {
        scanId,
        assessedAt: at,
        asset: {
          arn: `arn:aws:s3:::bench-${agent.accountId}-${request}-${i}`,
          type: "aws.s3.bucket",
          region: "eu-west-1",
          accountId: agent.accountId,
          name: `bench-${request}-${i}`,
          tags: {},
        },
        results: [
          { checkId: "s3.encryption", status: "pass", severity: "medium", title: "Bucket encrypted" },
          {
            checkId: "s3.public-access-block",
            status: i % 3 === 0 ? "fail" : "pass",
            severity: "high",
            title: "Public access blocked",
            ...(i % 3 === 0 ? { evidence: "BlockPublicAcls is false" } : {}),
          },
        ],
      },
      { source: `urn:vigil:agent:${agent.accountId}`, integrationId: agent.integrationId, time: at },
    ),
  );
}

function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
}

function storeAloneLine(
  result: PlatformBenchResult,
  alone: NonNullable<PlatformBenchResult["storeAlone"]>,
): string {
  const top = result.levels.find((l) => l.agents === alone.agents);
  const rate = (n: number) => Math.round(n).toLocaleString("en-US");
  return `the event log alone on this DynamoDB Local (${alone.agents} writers, the same requests appended as ingest appends them, closed loop): ${rate(alone.reportsPerSecond)} reports/s, p50 ${alone.p50Ms.toFixed(0)} ms, p99 ${alone.p99Ms.toFixed(0)} ms${alone.errors > 0 ? `, ${alone.errors} failed` : ""}${
    top
      ? `; ingest at ${top.agents} agents reached ${((100 * top.reportsPerSecond) / alone.reportsPerSecond).toFixed(0)}% of it`
      : ""
  }`;
}

export function renderPlatformBench(result: PlatformBenchResult): string {
  const table = newTable({
    head: [
      "agents",
      "requests",
      "reports",
      "errors",
      "reports/s",
      "requests/s",
      "p50 ms",
      "p99 ms",
      "max ms",
    ],
  });
  for (const l of result.levels) {
    table.push([
      l.agents,
      l.requests,
      l.reports,
      l.errors === 0 ? "0" : `${l.errors} ${JSON.stringify(l.errorStatuses)}`,
      Math.round(l.reportsPerSecond).toLocaleString("en-US"),
      l.requestsPerSecond.toFixed(1),
      l.p50Ms.toFixed(0),
      l.p99Ms.toFixed(0),
      l.maxMs.toFixed(0),
    ]);
  }
  const b = result.budget;
  return [
    `Signed ingest, ${result.batchSize} asset reports a request, ${result.requestsPerAgent} requests per agent per level, ${
      result.offeredReportsPerSecond === undefined
        ? "closed loop (each agent's next request when the last is answered)"
        : `open loop (${result.offeredReportsPerSecond.toLocaleString("en-US")} reports/s offered across each level's agents; latency from the scheduled send)`
    } (${result.storage})`,
    table.toString(),
    ...(result.storeAlone ? [storeAloneLine(result, result.storeAlone)] : []),
    `budget at ${b.agents} agents: ≥ ${b.reportsPerSecond.toLocaleString("en-US")} reports/s, 0 errors, p99 ≤ ${b.p99Ms} ms: ${result.met ? "MET" : "NOT MET"}`,
  ].join("\n");
}
