export { LAYOUT_BEGIN, LAYOUT_END, snapshotLayoutTable } from "./layout.ts";
export {
  type AbsentAnswer,
  AWS_READS,
  type AwsRead,
  absentAnswer,
  awsRead,
  notConfiguredCodes,
  type ReadSpec,
} from "./reads.ts";
export { type SnapshotFiles, writeSnapshotFiles } from "./snapshot-files.ts";
export { isThrottlingError, THROTTLING_CODES } from "./throttling.ts";
