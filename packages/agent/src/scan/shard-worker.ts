import type { UnreadCall } from "@vigil/events";
import type { AwsClients, CallWrapper } from "../aws/clients.ts";
import { CHECK_INDEX } from "../checks/check-index.ts";
import { planEvaluation } from "../checks/evaluate.ts";
import { checksFor } from "../checks/load.ts";
import { errorCodeOf, isThrottledCode, type RawRecorder } from "../discovery/reader.ts";
import type { ResolvedSettings } from "../policies/settings.ts";
import { resourceIdOf } from "../scheduler/filters.ts";
import { type AssessedAsset, JobPausedError, type ShardWorker } from "../scheduler/runner.ts";
import { assessShard, collectShard, type ServiceGroup } from "./shard.ts";

export interface ScanShardWorkerOptions {
  /** SDK clients whose every call goes through `call` (the scheduler's budgeted, pause-aware seam). */
  readonly clients: (call: CallWrapper) => AwsClients;
  readonly partition?: string;
  /** Which checks run and which failures are muted: fixed, or read for every job (the deployed agent's latest). */
  readonly settings?: ResolvedSettings | (() => Promise<ResolvedSettings>);
  readonly now?: () => number;
  readonly groups?: readonly ServiceGroup[];
  /** Receives every answer as snapshot files (`captureSnapshot`). */
  readonly recorder?: RawRecorder;
  /** Throw on a read the AWS reads description (packages/events) does not describe, or not as described (tests). */
  readonly strictReads?: boolean;
  /** Told about calls that failed for reasons other than throttling (their assets are missing). */
  readonly onProblems?: (report: {
    shardId: string;
    failedCalls: number;
    invalidAssets: number;
    /** `path (code)` of each failed call, so a log says which. */
    calls: string[];
  }) => void;
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
      const started = context.clock.now();
      let apiCalls = 0;
      let throttledCalls = 0;
      const call: CallWrapper = async (info, fn) => {
        apiCalls++;
        try {
          const out = await context.call(info, fn);
          // The SDK retried it (throttling or a transient error) before it answered.
          if (attemptsOf(out) > 1) throttledCalls++;
          return out;
        } catch (error: unknown) {
          if (error instanceof JobPausedError) paused ??= error;
          else if (attemptsOf(error) > 1 || isThrottledCode(errorCodeOf(error))) throttledCalls++;
          throw error;
        }
      };
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
          ...(options.recorder ? { recorder: options.recorder } : {}),
          ...(options.strictReads ? { strictReads: true } : {}),
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
            calls: collection.failedCalls
              .slice(0, 20)
              .map((f) => `${f.path} (${f.code}: ${f.message.slice(0, 200)})`),
          });
        }
        const wanted = job.resourceIds ? new Set(job.resourceIds) : undefined;
        const assets = wanted
          ? collection.assets.filter((a) => wanted.has(resourceIdOf(a.arn)) || wanted.has(a.arn))
          : collection.assets;
        const now = (options.now ?? Date.now)();
        const settings = typeof options.settings === "function" ? await options.settings() : options.settings;
        // The checks of the assets collected, loaded with the shard; the selection is resolved over every check.
        const plan = planEvaluation({
          now,
          ...(settings ? { selection: settings.selection, mutes: settings.mutes } : {}),
          catalogue: await checksFor([...new Set(assets.map((a) => a.type))]),
          index: CHECK_INDEX,
        });
        const assessed: AssessedAsset[] = assessShard(
          plan,
          assets,
          options.partition,
          new Date(now).toISOString(),
        );
        const unread: UnreadCall[] = [
          ...collection.deniedCalls.map((c) => unreadOf(c, "denied")),
          ...collection.failedCalls
            .filter((f) => f.code !== "JobPausedError" && f.code !== "RateLimitedError")
            .map((c) => unreadOf(c, "failed")),
          // A collector built an asset that breaks its schema (a bug): left out, so said here.
          ...collection.invalidAssets.map((a) =>
            unreadOf(
              {
                path: `${job.shard.region}/${a.type}/${a.arn}`,
                code: "InvalidAsset",
                message: "the collector built an asset that breaks its schema; it was not assessed",
              },
              "failed",
            ),
          ),
        ];
        // A denied or failed call may have hidden assets: the scan must not take them for gone.
        return {
          assessed,
          incomplete: collection.uncovered.length > 0,
          uncovered: collection.uncovered,
          unread,
          stats: { apiCalls, throttledCalls, durationMs: Math.max(0, context.clock.now() - started) },
        };
      } finally {
        clients.destroy();
      }
    },
  };
}

/** `$metadata.attempts` of an SDK answer or error: more than 1 when the SDK retried. */
function attemptsOf(value: unknown): number {
  const attempts = (value as { $metadata?: { attempts?: unknown } } | undefined)?.$metadata?.attempts;
  return typeof attempts === "number" ? attempts : 1;
}

function unreadOf(
  problem: { path: string; code: string; message: string },
  kind: UnreadCall["kind"],
): UnreadCall {
  return {
    path: problem.path.slice(0, 512),
    kind,
    code: problem.code.slice(0, 128) || "UnknownError",
    message: problem.message.slice(0, 512),
  };
}
