export {
  type DynamoDbLocal,
  type DynamoDbLocalOptions,
  DynamoDbLocalStartError,
  JavaNotFoundError,
  locateJava,
  startDynamoDbLocal,
} from "./dynamodb-local.ts";
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
