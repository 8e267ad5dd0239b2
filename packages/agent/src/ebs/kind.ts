import type { ShardWorker } from "../scheduler/runner.ts";
import type { ShardKind } from "../scheduler/shards.ts";

// What the agent's runtime needs of EBS scanning at cold start; the orchestration itself
// (worker.ts, orchestrator.ts, api.ts) is loaded only when an ebs shard runs.

/** The shard kind of EBS scanning, added to a scan's kinds when the stack enables it. */
export const EBS_SHARD_KIND: ShardKind = {
  service: "ebs",
  assetType: "aws.ec2.instance-os",
  scope: "regional",
};

/** The scanner group the nested EBS stack creates (`vigil-ebs-scanner-<IntegrationId>`). */
export function scannerGroupName(integrationId: string): string {
  return `vigil-ebs-scanner-${integrationId}`;
}

/** One worker per kind of shard: `ebs` shards to the EBS worker, every other to the scan's. */
export function routeShards(workers: {
  readonly ebs?: ShardWorker;
  readonly scan: ShardWorker;
}): ShardWorker {
  return {
    run(job, context) {
      if (job.shard.service === "ebs") {
        if (!workers.ebs)
          throw new Error("an ebs shard was queued but EBS scanning is not enabled in this agent");
        return workers.ebs.run(job, context);
      }
      return workers.scan.run(job, context);
    },
  };
}
