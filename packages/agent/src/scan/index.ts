export { assetRefOf, eventArnOf } from "./asset-ref.ts";
export {
  type BenchScanOptions,
  type BenchScanResult,
  benchScan,
  type SimulatedAccountFactory,
} from "./bench.ts";
export { type AccountSnapshot, type CaptureOptions, captureSnapshot, writeSnapshotDir } from "./capture.ts";
export { type CheckError, type Finding, findingsOf } from "./findings.ts";
export { AGENT_VERSION, runScan, type ScanOptions, type ScanResult, type ScanTimings } from "./scan.ts";
export { type EventSink, memorySink, teeSink } from "./sink.ts";
