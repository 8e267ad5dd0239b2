export { createApp, type PlatformDeps } from "./app.ts";
export { type OidcSettings, parseOidcSettings } from "./auth/oidc.ts";
export { hashPassword, verifyPassword } from "./auth/passwords.ts";
export {
  type AttemptLimiter,
  type AttemptLimits,
  DEFAULT_ATTEMPT_LIMITS,
  DynamoDbAttemptLimiter,
  memoryAttemptLimiter,
} from "./auth/rate-limit.ts";
export {
  hashRegistrationToken,
  newRegistrationToken,
  parseRegistrationToken,
} from "./auth/registration-token.ts";
export { memoryReplayGuard, type ReplayGuard } from "./auth/replay-guard.ts";
export { createReplayTable, DynamoDbReplayGuard, replayKey } from "./auth/replay-guard-dynamodb.ts";
export {
  type IssuedServiceCredential,
  issueServiceCredential,
  parseKeyId,
} from "./auth/service-credentials.ts";
export {
  type Clock,
  defaultPlatformConfig,
  MAX_REGISTRATION_TOKEN_TTL_MS,
  type PlatformConfig,
  type PlatformUser,
  platformConfig,
  systemClock,
} from "./config.ts";
export { integrationCommand, readIntegration, streams } from "./event-log.ts";
export { type PlatformLambdaEnvironment, platformLambdaEnvironment } from "./handlers/lambda.ts";
export { PlatformError } from "./http/errors.ts";
export { AGENT_EMITTED_TYPES, agentMayReport, PLATFORM_ONLY_TYPES } from "./ingest/agent-events.ts";
export { busIngest } from "./ingest/bus-ingest.ts";
export { factKey } from "./ingest/canonical.ts";
export { type IngestOutcome, ingestAgentEvents, reportStreamOf, streamOfReport } from "./ingest/ingest.ts";
export {
  decideAgentKey,
  decideNewRegistration,
  decideReportBatch,
  decideRevocation,
  decideTokenExchange,
} from "./integrations/decide.ts";
export { foldIntegrationLedger, type IntegrationLedger } from "./integrations/ledger.ts";
export {
  decideReleaseRecord,
  type RecordReleaseBody,
  recordReleaseBody,
  toRecordedReleaseHashes,
} from "./releases/hashes.ts";
export { PLATFORM_SCOPE } from "./releases/routes.ts";
export { type RunningPlatform, type StartPlatformOptions, startPlatform } from "./server.ts";
export {
  defaultPlatformTables,
  dynamoDbStorage,
  type LocalAwsDescription,
  localAwsStorage,
  memoryStorage,
  type PlatformStorage,
  type PlatformTables,
  provisionPlatformTables,
} from "./storage.ts";
export {
  createPlatformViews,
  type IntegrationSummary,
  type PlatformViews,
  summarizeIntegration,
} from "./views/platform-views.ts";
export { integrationTimeline, type TimelineEntry } from "./views/timeline.ts";
