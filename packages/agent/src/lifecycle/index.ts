export {
  type AgentRuntime,
  HEARTBEAT_INTERVAL_MS,
  HEARTBEAT_SCHEDULE,
  sendHeartbeat,
} from "./check-in.ts";
export {
  CredentialsMissingError,
  credentialParameterKeys,
  credentialParameterNames,
  deleteCredentials,
  readCredentials,
  ServiceCredentials,
  STACK_PLATFORM_URL_KEY,
  writeCredentials,
} from "./credentials.ts";
export {
  type CustomResourceDeps,
  type CustomResourceEvent,
  type CustomResourceFallback,
  type CustomResourceResponse,
  handleCustomResource,
  isCustomResourceEvent,
  type LambdaContextLike,
  RegistrationError,
  type RegistrationProperties,
  registrationProperties,
} from "./custom-resource.ts";
export {
  type AwsCredentialsLike,
  enrollmentAudience,
  type IdentityProof,
  type IdentityProofOptions,
  identityEndpoints,
  type PresignedRequest,
  presignIdentityProof,
} from "./identity-proof.ts";
export { jsonLogger, type Logger, type LogLevel, redact } from "./log.ts";
export {
  type EnrollRequest,
  type ExchangedCredentials,
  type ExchangeRequest,
  type HeartbeatAnswer,
  type HeartbeatBody,
  HttpPlatformClient,
  type HttpPlatformClientOptions,
  type PlatformClient,
  type PlatformCommand,
  PlatformRequestError,
  REPORT_BATCH_SIZE,
  type RevokeRequest,
} from "./platform-client.ts";
export { platformUrlProblem } from "./platform-url.ts";
export {
  CLOUDFORMATION_TAG_PREFIX,
  CREATED_BY_TAG,
  INTEGRATION_TAG,
  isCreatedByVigil,
  isManagedByCloudFormation,
  isOwnedBy,
  vigilTags,
} from "./tags.ts";
export {
  executeTeardown,
  type KeepReason,
  planTeardown,
  type TaggedResource,
  TEARDOWN_ORDER,
  type TeardownApi,
  type TeardownFailure,
  type TeardownPlan,
  type TeardownResult,
  tearDown,
  type VigilResourceKind,
} from "./teardown.ts";
export { ec2TeardownApi } from "./teardown-ec2.ts";
