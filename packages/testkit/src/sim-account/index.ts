export {
  type AuditEntry,
  createSimulatedAccount,
  type SimulatedAccount,
  type SimulatedAccountOptions,
  type SimulatedAccountStats,
  type SimulatedRequestHandler,
  servedOperations,
} from "./account.ts";
export { AwsApiError } from "./errors.ts";
export { type GenerateAccountOptions, generateAccount, STANDARD_REGIONS } from "./generate.ts";
export { type AccountModel, isSnapshotError, type SnapshotError, snapshotKey } from "./model.ts";
export { loadSnapshot, SnapshotLoadError, writeSnapshot } from "./snapshot-io.ts";
export {
  BUCKETS,
  type BucketSpec,
  type Clock,
  type NoisyNeighbour,
  realClock,
  type ThrottleOptions,
} from "./throttling.ts";
