import { InMemoryEventStore } from "@vigil/events";
import { type AwsClients, type CallWrapper, createAwsClients, directCall } from "../aws/clients.ts";
import { ApiBudget } from "../budget/budget.ts";
import { AWS_RATE_LIMITS, apiFamilyOf, budgetLimit } from "../budget/limits.ts";
import { sdkRetryConfig } from "../budget/sdk.ts";
import { lowerBoundMs } from "../budget/token-bucket.ts";
import { VirtualTime } from "../budget/virtual-time.ts";
import type { Collector } from "../collectors/collector.ts";
import { COLLECTORS } from "../collectors/index.ts";
import { AccountReader } from "../discovery/reader.ts";
import { assetRefOf } from "../scan/asset-ref.ts";
import { PauseGate } from "./pause.ts";
import { InMemoryJobQueue } from "./queue/memory.ts";
import type { ScanJob } from "./queue/port.ts";
import { type AssessedAsset, type JobOutcome, ScanScheduler, type ShardWorker } from "./runner.ts";
import type { ShardKind } from "./shards.ts";

/** The simulated account, built by the caller (the agent never imports testkit). */
export interface ThrottleBenchAccount {
  readonly accountId: string;
  readonly regions: readonly string[];
  readonly requestHandler: unknown;
  stats(): { readonly totalCalls: number; readonly totalThrottled: number };
}

export type ThrottleAccountFactory = (options: {
  clock: { now(): number };
  /** Share of every bucket another tenant spends (0..1). */
  noisyNeighbour: number;
}) => ThrottleBenchAccount;

export interface ThrottleBenchOptions {
  readonly account: ThrottleAccountFactory;
  /** Share of AWS's limits the budget uses (default 0.8). */
  readonly headroom?: number;
  /** Concurrent Lambda instances draining the job queue (default 17: one per region). */
  readonly lambdas?: number;
  readonly pauseMs?: number;
  /** Collectors of the discovery shard (default: the EC2 ones — the throttled family). */
  readonly collectors?: readonly Collector[];
}

export interface ThrottleBenchRow {
  readonly scenario: string;
  readonly mode: "budgeted" | "naive";
  /** Virtual seconds from the first call to the last shard done. */
  readonly discoverySeconds: number;
  /** Token-bucket lower bound: the calls made, through AWS's buckets scaled to min(headroom, what the neighbour leaves). */
  readonly lowerBoundSeconds: number;
  readonly ratio: number;
  readonly apiCalls: number;
  /** Calls the account answered with a throttling error (SDK retries included). */
  readonly throttled: number;
  /** Calls that still failed after the SDK's retries. */
  readonly failedCalls: number;
  readonly failedJobs: number;
  readonly pauses: number;
  readonly assets: number;
}

const SOURCE = "urn:vigil:agent:bench";

function ec2Collectors(): Collector[] {
  return COLLECTORS.filter((c) => c.scope === "regional" && c.id.startsWith("ec2-"));
}

/** Calls per (region, family), counted on the way to the account. */
function countingByKey(inner: CallWrapper) {
  const counts = new Map<string, { region: string; family: string; calls: number }>();
  const call: CallWrapper = (info, fn) => {
    const family = apiFamilyOf(info.service, info.operation, info.input ?? {});
    const key = `${info.region}|${family}`;
    const entry = counts.get(key) ?? { region: info.region, family, calls: 0 };
    entry.calls++;
    counts.set(key, entry);
    return inner(info, fn);
  };
  return { call, counts };
}

/** The slowest (region, family) bucket decides: its calls beyond the burst at the refill rate. */
function lowerBound(counts: Map<string, { family: string; calls: number }>, share: number): number {
  let worst = 0;
  for (const { family, calls } of counts.values()) {
    const limit = budgetLimit(family, share, AWS_RATE_LIMITS);
    worst = Math.max(worst, lowerBoundMs(calls, limit));
  }
  return worst / 1000;
}

/** A shard worker over the agent's collectors: every collector of the shard's service, in its region. */
export function collectorShardWorker(options: {
  readonly collectors: readonly Collector[];
  readonly clients: (call: CallWrapper) => AwsClients;
  readonly onFailedCalls?: (job: ScanJob, failed: number) => void;
}): ShardWorker {
  return {
    async run(job, context) {
      const clients = options.clients(context.call as CallWrapper);
      try {
        const read = new AccountReader();
        const assessed: AssessedAsset[] = [];
        const ctx = {
          accountId: job.accountId,
          partition: "aws",
          region: job.shard.region,
          clients: clients.forRegion(job.shard.region),
          clientsFor: (region: string) => clients.forRegion(region),
          read,
        };
        await Promise.all(
          options.collectors.map(async (collector) => {
            const out = await collector.collect(ctx);
            for (const a of out.assets) {
              assessed.push({ asset: assetRefOf(a), results: [] });
            }
          }),
        );
        const failed = read.failed.filter(
          (f) => f.code !== "RateLimitedError" && f.code !== "JobPausedError",
        );
        if (failed.length > 0) options.onFailedCalls?.(job, failed.length);
        return { assessed };
      } finally {
        clients.destroy();
      }
    },
  };
}

async function budgetedRun(options: ThrottleBenchOptions, scenario: string, neighbour: number) {
  const time = new VirtualTime();
  const account = options.account({ clock: time, noisyNeighbour: neighbour });
  const collectors = options.collectors ?? ec2Collectors();
  const store = new InMemoryEventStore({ now: () => new Date(time.now()) });
  const queue = new InMemoryJobQueue({ clock: time });
  const counted = countingByKey(directCall);
  let failedJobs = 0;
  let failedCalls = 0;
  const worker = collectorShardWorker({
    collectors,
    clients: (call) =>
      createAwsClients({
        requestHandler: account.requestHandler,
        credentials: { accessKeyId: "bench", secretAccessKey: "bench" },
        ...sdkRetryConfig(),
        call: (info, fn) => call(info, () => counted.call(info, fn)),
      }),
    onFailedCalls: (_job, n) => {
      failedCalls += n;
      failedJobs++;
    },
  });
  const kinds: ShardKind[] = [{ service: "ec2", assetType: "aws.ec2.instance", scope: "regional" }];
  const gates: PauseGate[] = [];
  let lastDone = 0;
  const schedulers = Array.from({ length: options.lambdas ?? account.regions.length }, () => {
    const gate = new PauseGate({
      store,
      integrationId: "bench",
      clock: time,
      source: SOURCE,
      ...(options.pauseMs !== undefined ? { pauseMs: options.pauseMs } : {}),
    });
    gates.push(gate);
    return new ScanScheduler({
      store,
      queue,
      clock: time,
      // A budget lives in one Lambda instance; one job per (region, service) keeps a key in one instance.
      budget: new ApiBudget({
        clock: time,
        ...(options.headroom !== undefined ? { headroom: options.headroom } : {}),
      }),
      gate,
      worker,
      integrationId: "bench",
      accountId: account.accountId,
      source: SOURCE,
      agentVersion: "0.1.0",
      kinds,
      spread: { spreadMs: 0, jitterMs: 200 },
      observer: {
        jobFinished: (_job, outcome, at) => {
          if (outcome.kind === "completed") lastDone = Math.max(lastDone, at);
        },
      },
    });
  });
  const outcomes: JobOutcome[] = [];
  let assets = 0;
  const elapsed = await time.run(async () => {
    const t0 = time.now();
    await schedulers[0]?.startScan({ scanId: "bench-scan", regions: account.regions });
    await Promise.all(
      schedulers.map(async (scheduler) => {
        for (;;) {
          const done = await scheduler.drain(1);
          for (const o of done) {
            outcomes.push(o);
            if (o.kind === "completed") assets += o.assessed;
          }
          if (done.length > 0) continue;
          const next = queue.nextVisibleAt();
          if (next === undefined) return;
          await time.sleep(Math.max(1, Math.min(1_000, next - time.now())));
        }
      }),
    );
    // Discovery ends when the last shard is checkpointed (idle instances polling after it don't count).
    return lastDone - t0;
  });
  return benchRow("budgeted", scenario, options, neighbour, counted.counts, account.stats(), {
    elapsedMs: elapsed,
    failedCalls,
    failedJobs,
    pauses: gates.reduce((n, g) => n + g.counters.pausesWritten, 0),
    assets,
  });
}

async function naiveRun(options: ThrottleBenchOptions, scenario: string, neighbour: number) {
  const time = new VirtualTime();
  const account = options.account({ clock: time, noisyNeighbour: neighbour });
  const collectors = options.collectors ?? ec2Collectors();
  const counted = countingByKey(directCall);
  let assets = 0;
  let failedCalls = 0;
  let failedJobs = 0;
  const elapsed = await time.run(async () => {
    const t0 = time.now();
    const clients = createAwsClients({
      requestHandler: account.requestHandler,
      credentials: { accessKeyId: "bench", secretAccessKey: "bench" },
      retryMode: "standard",
      maxAttempts: 3,
      call: counted.call,
    });
    await Promise.all(
      account.regions.map(async (region) => {
        const read = new AccountReader();
        const ctx = {
          accountId: account.accountId,
          partition: "aws",
          region,
          clients: clients.forRegion(region),
          clientsFor: (r: string) => clients.forRegion(r),
          read,
        };
        const outs = await Promise.all(collectors.map((c) => c.collect(ctx)));
        for (const o of outs) assets += o.assets.length;
        failedCalls += read.failed.length;
        if (read.failed.length > 0) failedJobs++;
      }),
    );
    clients.destroy();
    return time.now() - t0;
  });
  return benchRow("naive", scenario, options, neighbour, counted.counts, account.stats(), {
    elapsedMs: elapsed,
    failedCalls,
    failedJobs,
    pauses: 0,
    assets,
  });
}

/** One row of the table: the run's own counts, the account's, and the bound for the share it had. */
function benchRow<M extends "budgeted" | "naive">(
  mode: M,
  scenario: string,
  options: ThrottleBenchOptions,
  neighbour: number,
  counts: Parameters<typeof lowerBound>[0],
  stats: { totalCalls: number; totalThrottled: number },
  run: { elapsedMs: number; failedCalls: number; failedJobs: number; pauses: number; assets: number },
) {
  const bound = lowerBound(counts, Math.min(options.headroom ?? 0.8, 1 - neighbour));
  return {
    scenario,
    mode,
    discoverySeconds: run.elapsedMs / 1000,
    lowerBoundSeconds: bound,
    ratio: bound > 0 ? run.elapsedMs / 1000 / bound : Number.NaN,
    apiCalls: stats.totalCalls,
    throttled: stats.totalThrottled,
    failedCalls: run.failedCalls,
    failedJobs: run.failedJobs,
    pauses: run.pauses,
    assets: run.assets,
  };
}

/**
 * `vigil bench throttle`: discovery of a throttled simulated account on virtual time, with Vigil's
 * budget and scheduler, and a naive baseline (SDK standard retries, every region at once) in the
 * same run; then both again with a noisy neighbour spending half of every bucket.
 */
export async function runThrottleBench(options: ThrottleBenchOptions): Promise<ThrottleBenchRow[]> {
  const rows: ThrottleBenchRow[] = [];
  for (const [scenario, neighbour] of [
    ["quiet account", 0],
    ["noisy neighbour (50%)", 0.5],
  ] as const) {
    rows.push(await budgetedRun(options, scenario, neighbour));
    rows.push(await naiveRun(options, scenario, neighbour));
  }
  return rows;
}

/** The 17 regions of the benchmark account. */
export const BENCH_REGIONS = [
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
  "ca-central-1",
  "sa-east-1",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "eu-central-1",
  "eu-north-1",
  "ap-south-1",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-northeast-3",
  "ap-southeast-1",
  "ap-southeast-2",
];

/** testkit's generator and simulated account, passed in (the agent never imports testkit). */
export interface SimulatedAccountKit {
  generateAccount(options: { seed: string; regions: readonly string[]; assetsPerRegion: number }): {
    readonly files: Map<string, unknown>;
  };
  createSimulatedAccount(
    model: never,
    options: { clock: { now(): number }; noisyNeighbour?: { fraction: number } },
  ): ThrottleBenchAccount;
}

/**
 * The benchmark account: generated once (seeded), trimmed to exactly `instances` EC2 instances and
 * `securityGroups` security groups spread evenly over the 17 regions; one fresh simulated account
 * (fresh buckets) per run.
 */
export function benchAccountFactory(
  kit: SimulatedAccountKit,
  options: { instances?: number | undefined; securityGroups?: number | undefined } = {},
): ThrottleAccountFactory {
  const instances = options.instances ?? 10_000;
  const groups = options.securityGroups ?? 2_000;
  const regions = BENCH_REGIONS;
  const model = kit.generateAccount({
    seed: "bench-throttle",
    regions,
    assetsPerRegion: Math.ceil(instances / regions.length),
  });
  let instancesLeft = instances;
  let groupsLeft = groups;
  regions.forEach((region, i) => {
    const regionsLeft = regions.length - i;
    const ik = `${region}/ec2/describe-instances`;
    const reservations = (model.files.get(ik) as { Reservations: unknown[] }).Reservations;
    const keepI = Math.min(reservations.length, Math.ceil(instancesLeft / regionsLeft));
    model.files.set(ik, { Reservations: reservations.slice(0, keepI) });
    instancesLeft -= keepI;
    const gk = `${region}/ec2/describe-security-groups`;
    const sgs = (model.files.get(gk) as { SecurityGroups: unknown[] }).SecurityGroups;
    const keepG = Math.min(sgs.length, Math.ceil(groupsLeft / regionsLeft));
    model.files.set(gk, { SecurityGroups: sgs.slice(0, keepG) });
    groupsLeft -= keepG;
  });
  return ({ clock, noisyNeighbour }) =>
    kit.createSimulatedAccount(model as never, {
      clock,
      ...(noisyNeighbour > 0 ? { noisyNeighbour: { fraction: noisyNeighbour } } : {}),
    });
}

/** The benchmark as a text table (no dependency: the CLI may render it its own way). */
export function renderThrottleBench(rows: readonly ThrottleBenchRow[]): string {
  const head = [
    "scenario",
    "mode",
    "discovery s",
    "lower bound s",
    "ratio",
    "API calls",
    "throttled",
    "failed calls",
    "failed jobs",
    "pauses",
    "assets",
  ];
  const body = rows.map((r) => [
    r.scenario,
    r.mode,
    r.discoverySeconds.toFixed(2),
    r.lowerBoundSeconds.toFixed(2),
    Number.isFinite(r.ratio) ? `${r.ratio.toFixed(3)}×` : "n/a",
    String(r.apiCalls),
    String(r.throttled),
    String(r.failedCalls),
    String(r.failedJobs),
    String(r.pauses),
    String(r.assets),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...body.map(line)].join("\n");
}
