import { InMemoryEventStore } from "@vigil/events";
import {
  ApiBudget,
  type AssessedAsset,
  InMemoryJobQueue,
  ManualClock,
  PauseGate,
  type ScanJob,
  ScanScheduler,
  type ScanSchedulerOptions,
  type ShardKind,
  type ShardWorker,
} from "../../src/index.ts";

export const ACCOUNT = "123456789012";
export const INTEGRATION = "int-1";
export const KINDS: readonly ShardKind[] = [
  { service: "ec2", assetType: "aws.ec2.instance", scope: "regional" },
  { service: "rds", assetType: "aws.rds.db-instance", scope: "regional" },
  { service: "iam", assetType: "aws.iam.user", scope: "global" },
];
export const REGIONS = ["us-east-1", "eu-west-1", "eu-central-1"];

/** Assets of a shard: deterministic, `perShard` of them. */
export function assetsOf(job: ScanJob, perShard: number): AssessedAsset[] {
  return Array.from({ length: perShard }, (_, i) => ({
    asset: {
      arn: `arn:aws:ec2:${job.shard.region}:${ACCOUNT}:instance/i-${job.shard.service}${i.toString(16).padStart(4, "0")}`,
      type: job.shard.assetType,
      region: job.shard.region,
      accountId: ACCOUNT,
      tags: {},
    },
    results: [{ checkId: "ec2.imdsv2", status: i % 2 ? "fail" : "pass", severity: "high", title: "IMDSv2" }],
  }));
}

export interface ScriptedCall {
  /** Throttle this call (by global call number, 1-based)? */
  throttle: (callNumber: number) => boolean;
}

/**
 * A worker that makes `callsPerShard` AWS-like calls through the seam (each 200 ms of clock time)
 * and returns `perShard` assets. Counts runs per shard.
 */
export function scriptedWorker(options: {
  clock: ManualClock;
  callsPerShard?: number;
  perShard?: number;
  throttle?: (callNumber: number, job: ScanJob) => boolean;
}) {
  let callNumber = 0;
  const runs = new Map<string, number>();
  const worker: ShardWorker = {
    async run(job, context) {
      runs.set(job.shard.shardId, (runs.get(job.shard.shardId) ?? 0) + 1);
      for (let i = 0; i < (options.callsPerShard ?? 3); i++) {
        await context.call(
          { service: "ec2", operation: "DescribeInstances", region: job.shard.region },
          async () => {
            const n = ++callNumber;
            await options.clock.sleep(200);
            if (options.throttle?.(n, job)) {
              throw Object.assign(new Error("Request limit exceeded."), { name: "RequestLimitExceeded" });
            }
            return { $metadata: { attempts: 1 } };
          },
        );
      }
      return { assessed: assetsOf(job, options.perShard ?? 3) };
    },
  };
  return { worker, runs, calls: () => callNumber };
}

export interface Lambda {
  readonly name: string;
  readonly scheduler: ScanScheduler;
  readonly gate: PauseGate;
  inFlight: Promise<unknown> | undefined;
}

export function makeLambda(
  name: string,
  shared: { store: InMemoryEventStore; queue: InMemoryJobQueue; clock: ManualClock; worker: ShardWorker },
  options: {
    pauseMs?: number;
    cacheTtlMs?: number;
    started?: (job: ScanJob, at: number, who: string) => void;
    republish?: ScanSchedulerOptions["republish"];
    changeOnly?: ScanSchedulerOptions["changeOnly"];
  } = {},
): Lambda {
  const gate = new PauseGate({
    store: shared.store,
    integrationId: INTEGRATION,
    clock: shared.clock,
    source: `urn:vigil:agent:${ACCOUNT}`,
    ...(options.pauseMs !== undefined ? { pauseMs: options.pauseMs } : {}),
    ...(options.cacheTtlMs !== undefined ? { cacheTtlMs: options.cacheTtlMs } : {}),
  });
  const scheduler = new ScanScheduler({
    store: shared.store,
    queue: shared.queue,
    clock: shared.clock,
    budget: new ApiBudget({ clock: shared.clock }),
    gate,
    worker: shared.worker,
    integrationId: INTEGRATION,
    accountId: ACCOUNT,
    source: `urn:vigil:agent:${ACCOUNT}`,
    agentVersion: "1.0.0",
    kinds: KINDS,
    spread: { spreadMs: 2_000, jitterMs: 500 },
    resumeJitterMs: 5_000,
    observer: { jobStarted: (job, at) => options.started?.(job, at, name) },
    ...(options.republish ? { republish: options.republish } : {}),
    ...(options.changeOnly ? { changeOnly: options.changeOnly } : {}),
  });
  return { name, scheduler, gate, inFlight: undefined };
}

export function sharedWorld(start = Date.UTC(2026, 5, 1)) {
  const clock = new ManualClock(start);
  const store = new InMemoryEventStore({ now: () => new Date(clock.now()) });
  const queue = new InMemoryJobQueue({ clock, visibilityTimeoutMs: 120_000 });
  return { clock, store, queue };
}

/**
 * Lambda instances polling the queue, one batch in flight each, as time moves in `stepMs` steps.
 * Stops when the queue is empty and nothing runs, or after `maxSteps`.
 */
export async function runLambdas(
  lambdas: readonly Lambda[],
  world: { clock: ManualClock; queue: InMemoryJobQueue },
  options: { stepMs?: number; maxSteps?: number; batch?: number; until?: () => boolean } = {},
): Promise<number> {
  let steps = 0;
  for (; steps < (options.maxSteps ?? 10_000); steps++) {
    if (options.until?.()) break;
    for (const l of lambdas) {
      if (l.inFlight) continue;
      l.inFlight = l.scheduler.drain(options.batch ?? 1).finally(() => {
        l.inFlight = undefined;
      });
    }
    await world.clock.advance(options.stepMs ?? 100);
    if (world.queue.size === 0 && lambdas.every((l) => !l.inFlight)) break;
  }
  return steps;
}
