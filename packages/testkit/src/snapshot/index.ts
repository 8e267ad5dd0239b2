export { isJsonObject, JsonFloat, JsonSyntaxError, type JsonValue, parseJson } from "./json.ts";
export {
  BOTOCORE_DATA_IN_REPO,
  type BotocoreModels,
  BotocoreModelsNotFoundError,
  FETCH_BOTOCORE_COMMANDS,
  inMemoryModels,
  loadBotocoreModels,
  locateBotocoreModels,
  type ServiceDefinition,
  type ServiceModel,
  type Shape,
} from "./models.ts";
export {
  CLI_TO_MODEL,
  CREDENTIAL_REPORT_COLUMNS,
  formatSnapshotValidation,
  parseCsv,
  type SnapshotIssue,
  type SnapshotSource,
  type SnapshotValidation,
  type ValidateSnapshotOptions,
  validateSnapshot,
  validateSnapshotFiles,
  validateSnapshotSource,
} from "./validate.ts";
