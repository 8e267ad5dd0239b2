export type { Alerts, UpdateAlert } from "./alerts/port.ts";
export { SnsAlerts } from "./alerts/sns.ts";
export { applyFunctions, applyTemplate, type FunctionPlan } from "./apply.ts";
export {
  type PublishedRelease,
  type PublishReleaseOptions,
  publishRelease,
  type ReleaseFileInput,
} from "./demo/publish-release.ts";
export { type LocalAwsForUpdate, runUpdateDemo, type UpdateDemoResult } from "./demo/run-update-demo.ts";
export {
  isTransient,
  PlatformUnavailableError,
  ReleaseObjectMissingError,
  ReleaseObjectTooLargeError,
  ReleaseStoreUnavailableError,
  TransientError,
} from "./errors.ts";
export type { EventSink } from "./event-sink/port.ts";
export { SnsEventSink } from "./event-sink/sns.ts";
export { LambdaFunctionDeployer } from "./function-deployer/lambda.ts";
export {
  type FunctionDeployer,
  type HealthCheckResult,
  LIVE_ALIAS,
  type LiveFunction,
} from "./function-deployer/port.ts";
export { type UpdaterEnvironment, updaterEnvironment } from "./handlers/config.ts";
export {
  classifyUpdaterInvocation,
  createUpdaterHandler,
  UPDATER_CONSUMER,
  UpdateCheckRetryError,
  type UpdaterHandler,
  type UpdaterHandlerOptions,
  type UpdaterInvocation,
  type UpdaterResult,
  type UpdaterRuntime,
} from "./handlers/lambda.ts";
export {
  decideUpdate,
  describeWindow,
  isInUpdateWindow,
  parseUpdateWindow,
  type UpdateDecision,
  type UpdatePolicy,
  type UpdateWindow,
  type Weekday,
} from "./policy.ts";
export { HttpReleaseHashes, type HttpReleaseHashesOptions } from "./release-hashes/http.ts";
export type { ReleaseHashes } from "./release-hashes/port.ts";
export { type ReleaseStore, readAll } from "./release-store/port.ts";
export { S3ReleaseStore } from "./release-store/s3.ts";
export { defaultRetry, type RetryOptions, withRetry } from "./retry.ts";
export { CloudFormationStackDeployer } from "./stack-deployer/cloudformation.ts";
export {
  type ChangeSetState,
  MAX_TEMPLATE_BODY_BYTES,
  type StackDeployer,
  type StackUpdateState,
} from "./stack-deployer/port.ts";
export {
  type Component,
  NO_RELEASE_KEYS_DETAIL,
  type RefusalReason,
  runUpdateCheck,
  type UpdateOutcome,
  type UpdateRequest,
  type UpdaterConfig,
  type UpdaterDeps,
} from "./update-check.ts";
export { type ArtifactCheck, verifyArtifact } from "./verify.ts";
export { compareVersions, isSemver } from "./versions.ts";

export const packageName = "@vigil/updater";
