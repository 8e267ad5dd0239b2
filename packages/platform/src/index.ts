export { createApp, type PlatformDeps } from "./app.ts";
export {
  hashRegistrationToken,
  newRegistrationToken,
  parseRegistrationToken,
} from "./auth/registration-token.ts";
export { memoryReplayGuard, type ReplayGuard } from "./auth/replay-guard.ts";
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
  platformConfig,
  systemClock,
} from "./config.ts";
export { streams } from "./event-log.ts";
export { PlatformError } from "./http/errors.ts";
export { decideAgentKey, decideReportBatch, decideTokenExchange } from "./integrations/decide.ts";
export { foldIntegrationLedger, type IntegrationLedger } from "./integrations/ledger.ts";
export { type RunningPlatform, type StartPlatformOptions, startPlatform } from "./server.ts";
export { createPlatformViews, type PlatformViews } from "./views/platform-views.ts";
