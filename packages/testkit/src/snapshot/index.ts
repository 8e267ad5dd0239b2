export { isJsonObject, JsonFloat, JsonSyntaxError, type JsonValue, parseJson } from "./json.ts";
export {
  type BotocoreModels,
  BotocoreModelsNotFoundError,
  botocoreVersionOf,
  INSTALL_BOTOCORE_COMMAND,
  inMemoryModels,
  loadBotocoreModels,
  locateBotocoreModels,
  MIN_BOTOCORE_VERSION,
  olderVersion,
  pythonBotocoreData,
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
