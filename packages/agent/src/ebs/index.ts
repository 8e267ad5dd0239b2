export {
  EBS_CALLS,
  type EbsApi,
  ec2EbsApi,
  isOptedOut,
  OPT_OUT_TAG,
  SCAN_TAG,
  type ScannerGroupInfo,
  SNAPSHOT_TAG,
  type SnapshotInfo,
  SOURCE_INSTANCE_TAG,
  SOURCE_VOLUME_TAG,
  type SourceInstance,
  type VolumeInfo,
} from "./api.ts";
export {
  type AdvanceResult,
  DEFAULT_MAX_IN_FLIGHT,
  DEFAULT_SCAN_TIMEOUT_MS,
  EbsOrchestrator,
  type EbsOrchestratorOptions,
  MAX_PLAN_PARTS,
  PLAN_PART_VOLUMES,
  SCAN_DEVICES,
} from "./orchestrator.ts";
export { recordScannerResult, type ScannerResultOutcome } from "./record.ts";
export { instanceOsReports } from "./results.ts";
export {
  blockDeviceOf,
  describeAttachedCopies,
  filesystemsOn,
  type LinuxScannerHostOptions,
  linuxScannerHost,
} from "./scanner/host.ts";
export {
  type AttachedCopy,
  isScanCopy,
  type OpenedCopy,
  type ScannerHost,
  scanAttachedCopies,
  scannerSource,
} from "./scanner/scan-copies.ts";
export { type EbsScanState, ebsScanState, ebsStreamId, isFinished, type VolumeTask } from "./state.ts";
export {
  EBS_SHARD_KIND,
  type EbsShardWorkerOptions,
  ebsShardWorker,
  routeShards,
  scannerGroupName,
} from "./worker.ts";
