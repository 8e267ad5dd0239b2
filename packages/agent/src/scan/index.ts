export { assetRefOf, eventArnOf } from "./asset-ref.ts";
export {
  type BenchScanOptions,
  type BenchScanResult,
  benchScan,
  type SimulatedAccountFactory,
} from "./bench.ts";
export {
  type AccountSnapshot,
  type CaptureOptions,
  captureSnapshot,
  snapshotDirProblem,
  writeSnapshotDir,
} from "./capture.ts";
export { type CheckError, type Finding, findingsOf } from "./findings.ts";
export {
  AGENT_VERSION,
  assessedData,
  runScan,
  type ScanOptions,
  type ScanProgressEvent,
  type ScanResult,
  type ScanTimings,
} from "./scan.ts";
export {
  assessShard,
  type CollectShardOptions,
  collectShard,
  type GroupCollectors,
  SCAN_SHARD_KINDS,
  SERVICE_GROUPS,
  type ServiceGroup,
  type ShardCollection,
  serviceGroup,
  shardKindsOf,
  UnknownShardError,
} from "./shard.ts";
export { type ScanShardWorkerOptions, scanShardWorker } from "./shard-worker.ts";
export { type EventSink, memorySink, publishingStore, teeSink } from "./sink.ts";
