/**
 * The EBS scan as a shard of the scan (`<region>/ebs`): each job advances the region's EBS scan
 * through the scheduler's budgeted, pause-aware `call` and is queued again while it waits (snapshots,
 * the scanner); when every volume is finished, the shard reports one `aws.ec2.instance-os` per
 * instance and the scheduler checkpoints it like any other shard.
 */
import type { EventStore } from "@vigil/events";
import type { CallWrapper } from "../aws/clients.ts";
import type { ResolvedSettings } from "../policies/settings.ts";
import type { ShardWorker } from "../scheduler/runner.ts";
import type { EbsApi } from "./api.ts";
import { EbsOrchestrator, type EbsOrchestratorOptions } from "./orchestrator.ts";
import { instanceOsReports } from "./results.ts";

export { EBS_SHARD_KIND, routeShards, scannerGroupName } from "./kind.ts";

export interface EbsShardWorkerOptions
  extends Omit<EbsOrchestratorOptions, "api" | "accountId" | "clock" | "store"> {
  readonly store: EventStore;
  /** The port over clients whose every call goes through `call` (`destroy`ed after the job). */
  readonly api: (call: CallWrapper) => EbsApi & { destroy?: () => void };
  readonly settings?: ResolvedSettings | (() => Promise<ResolvedSettings>);
  readonly now?: () => number;
}

export function ebsShardWorker(options: EbsShardWorkerOptions): ShardWorker {
  return {
    async run(job, context) {
      const started = context.clock.now();
      let apiCalls = 0;
      const call: CallWrapper = async (info, fn) => {
        apiCalls++;
        return context.call(info, fn);
      };
      const api = options.api(call);
      const orchestrator = new EbsOrchestrator({
        ...options,
        api,
        accountId: job.accountId,
        clock: context.clock,
      });
      let outcome: Awaited<ReturnType<EbsOrchestrator["advance"]>>;
      try {
        outcome = await orchestrator.advance(job.scanId, job.shard.region);
      } finally {
        api.destroy?.();
      }
      const stats = { apiCalls, throttledCalls: 0, durationMs: Math.max(0, context.clock.now() - started) };
      if (!outcome.done)
        return {
          assessed: [],
          pending: { retryAfterMs: outcome.retryAfterMs, waitingFor: outcome.waitingFor },
          stats,
        };
      const settings = typeof options.settings === "function" ? await options.settings() : options.settings;
      const assessed = instanceOsReports(outcome.state, {
        accountId: job.accountId,
        region: job.shard.region,
        now: (options.now ?? (() => context.clock.now()))(),
        settings,
      });
      return { assessed, stats };
    },
  };
}
