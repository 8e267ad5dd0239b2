import type { AwsClients, CallWrapper } from "../aws/clients.ts";
import { type CheckSelection, type Mute, planEvaluation } from "../checks/index.ts";
import { resourceIdOf } from "../scheduler/filters.ts";
import { type AssessedAsset, JobPausedError, type ShardWorker } from "../scheduler/runner.ts";
import { assessShard, collectShard, type ServiceGroup } from "./shard.ts";

export interface ScanShardWorkerOptions {
  /** SDK clients whose every call goes through `call` (the scheduler's budgeted, pause-aware seam). */
  readonly clients: (call: CallWrapper) => AwsClients;
  readonly partition?: string;
  readonly selection?: CheckSelection;
  readonly mutes?: readonly Mute[];
  readonly now?: () => number;
  readonly groups?: readonly ServiceGroup[];
  /** Told about calls that failed for reasons other than throttling (their assets are missing). */
  readonly onProblems?: (report: { shardId: string; failedCalls: number; invalidAssets: number }) => void;
}

/**
 * The real shard worker: the scan flow's collectors for the job's (region, service group) through the
 * scheduler's `call`, linked and validated, evaluated against the catalogue. The scheduler appends
 * `asset-assessed` (skipping assets the scan already has) and `shard-completed`.
 */
export function scanShardWorker(options: ScanShardWorkerOptions): ShardWorker {
  return {
    async run(job, context) {
      // Collectors may swallow a failed call (recorded as a failed call, the asset left out); a
      // pause seen mid-shard must still stop the shard, so it is remembered here and rethrown.
      let paused: JobPausedError | undefined;
      const call: CallWrapper = (info, fn) =>
        context.call(info, fn).catch((error: unknown) => {
          if (error instanceof JobPausedError) paused ??= error;
          throw error;
        });
      const clients = options.clients(call);
      try {
        const home = job.shard.region;
        // Home region first: `linkAssets` reports an account without a monitored trail there.
        const regions = [home, ...(job.regions ?? []).filter((r) => r !== home)];
        const collection = await collectShard({
          clients,
          accountId: job.accountId,
          region: job.shard.region,
          service: job.shard.service,
          regions,
          ...(options.partition !== undefined ? { partition: options.partition } : {}),
          ...(job.assetTypes ? { assetTypes: job.assetTypes } : {}),
          ...(options.groups ? { groups: options.groups } : {}),
        });
        if (paused) throw paused;
        // Throttled calls reach the scheduler through the budget (its pause rule decides on them).
        const failedCalls = collection.failedCalls.filter(
          (f) => f.code !== "JobPausedError" && f.code !== "RateLimitedError",
        ).length;
        if (failedCalls > 0 || collection.invalidAssets.length > 0) {
          options.onProblems?.({
            shardId: job.shard.shardId,
            failedCalls,
            invalidAssets: collection.invalidAssets.length,
          });
        }
        const wanted = job.resourceIds ? new Set(job.resourceIds) : undefined;
        const assets = wanted
          ? collection.assets.filter((a) => wanted.has(resourceIdOf(a.arn)) || wanted.has(a.arn))
          : collection.assets;
        const now = (options.now ?? Date.now)();
        const plan = planEvaluation({
          now,
          ...(options.selection !== undefined ? { selection: options.selection } : {}),
          ...(options.mutes !== undefined ? { mutes: options.mutes } : {}),
        });
        const assessed: AssessedAsset[] = assessShard(
          plan,
          assets,
          options.partition,
          new Date(now).toISOString(),
        );
        // A denied or failed call may have hidden assets: the scan must not take them for gone.
        return { assessed, incomplete: failedCalls > 0 || collection.deniedCalls.length > 0 };
      } finally {
        clients.destroy();
      }
    },
  };
}
