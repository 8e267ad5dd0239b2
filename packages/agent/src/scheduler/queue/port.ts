import type { Shard } from "../shards.ts";

/** One unit of scan work on the agent's queue: a shard of a scan (optionally narrowed to resources). */
export interface ScanJob {
  readonly integrationId: string;
  readonly accountId: string;
  readonly scanId: string;
  readonly shard: Shard;
  /** Event-driven rescans assess only these resource ids. */
  readonly resourceIds?: readonly string[];
  /** Only these asset types (a narrowed scan, e.g. an EC2 instance rescan). */
  readonly assetTypes?: readonly string[];
  /** Every region of the scan: shards that link facts across regions (the account shard) read them all. */
  readonly regions?: readonly string[];
  /** Do not run before this time (ms). SQS delays stop at 15 minutes; later jobs are re-queued. */
  readonly notBefore?: number;
  /** How many times this job was deferred (pause, not-before): for logs and metrics. */
  readonly deferrals?: number;
}

export interface OutgoingJob {
  readonly job: ScanJob;
  readonly delayMs: number;
}

export interface ReceivedJob {
  readonly job: ScanJob;
  /** Opaque handle to acknowledge the message with. */
  readonly receipt: string;
  readonly receiveCount: number;
}

/** The agent's job queue (SQS in AWS, in memory in tests and the benchmark). */
export interface JobQueue {
  send(jobs: readonly OutgoingJob[]): Promise<void>;
  /** Up to `max` jobs that are visible now; they stay hidden until acknowledged or the visibility timeout. */
  receive(max: number): Promise<ReceivedJob[]>;
  ack(receipt: string): Promise<void>;
}
