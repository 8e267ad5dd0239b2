export {
  BENCH_REGIONS,
  benchAccountFactory,
  collectorShardWorker,
  renderThrottleBench,
  runThrottleBench,
  type SimulatedAccountKit,
  type ThrottleAccountFactory,
  type ThrottleBenchAccount,
  type ThrottleBenchOptions,
  type ThrottleBenchRow,
} from "./bench.ts";
export {
  DEFAULT_DEBOUNCE_WINDOW_MS,
  type DebounceOptions,
  type DebounceState,
  type InstanceStateChange,
  offerChange,
  type ParsedStateChange,
  type PendingRescan,
  parseInstanceStateChange,
  takeDue,
} from "./debounce.ts";
export {
  assetIncluded,
  type FilterableAsset,
  filterAssets,
  filterRegions,
  matchesPattern,
  regionIncluded,
  resourceIdOf,
  type ScanFilter,
} from "./filters.ts";
export {
  DEFAULT_PAUSE_CACHE_TTL_MS,
  DEFAULT_PAUSE_MS,
  PauseGate,
  type PauseGateOptions,
  type PauseState,
  pauseStateAt,
  type RateLimitIncident,
  schedulerStreamId,
} from "./pause.ts";
export { addAssessed, emptyTotals, planRemainingShards, type ScanProgress, scanProgress } from "./plan.ts";
export { InMemoryJobQueue, type InMemoryJobQueueOptions } from "./queue/memory.ts";
export type { JobQueue, OutgoingJob, ReceivedJob, ScanJob } from "./queue/port.ts";
export {
  jobsFromSqsRecords,
  SQS_MAX_DELAY_SECONDS,
  SqsJobQueue,
  type SqsJobQueueOptions,
} from "./queue/sqs.ts";
export {
  type AssessedAsset,
  type JobOutcome,
  JobPausedError,
  readScanEvents,
  ScanScheduler,
  type ScanSchedulerOptions,
  type SchedulerObserver,
  type ShardWorkContext,
  type ShardWorker,
  scanStreamId,
  shardStreamId,
} from "./runner.ts";
export {
  DEFAULT_FULL_SCAN_EVERY_MS,
  DEFAULT_HEARTBEAT_EVERY_MS,
  dueActions,
  nextDueAt,
  type ScheduleConfig,
  type ScheduledAction,
  type ScheduleState,
  scheduleStateFrom,
} from "./schedules.ts";
export {
  DEFAULT_SHARD_KINDS,
  kindsFor,
  planShards,
  type Shard,
  type ShardKind,
  shardIdOf,
} from "./shards.ts";
export {
  delayUntil,
  interleaveByRegion,
  jobDelays,
  MAX_QUEUE_DELAY_MS,
  type SpreadOptions,
  seededUnit,
} from "./spread.ts";
