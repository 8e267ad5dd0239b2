export {
  type DynamoDbLocal,
  type DynamoDbLocalOptions,
  DynamoDbLocalStartError,
  JavaNotFoundError,
  locateJava,
  startDynamoDbLocal,
} from "./dynamodb-local.ts";
export { type SsmServer, startSsmServer } from "./ssm/server.ts";
export {
  ephemeralCipher,
  type GetParametersByPathInput,
  type Parameter,
  ParameterStore,
  type ParameterStoreOptions,
  type ParameterType,
  type PutParameterInput,
  type SecureStringCipher,
  SsmError,
} from "./ssm/store.ts";
export {
  LOCAL_AWS_CREDENTIALS,
  LOCAL_AWS_REGION,
  type LocalAws,
  type LocalAwsClientConfig,
  type LocalAwsCredentials,
  type LocalAwsOptions,
  type LocalAwsService,
  startLocalAws,
} from "./stack.ts";
