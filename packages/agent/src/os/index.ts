export {
  compareVersions,
  OS_FACT_SOURCES,
  type OsFactField,
  type OsFacts,
  readOsFacts,
  SENSITIVE_FILES,
} from "./facts.ts";
export {
  type InstalledPackage,
  PackageDatabaseError,
  parseApkInstalled,
  parseDpkgStatus,
  parseRpmHeader,
  parseRpmSqlite,
} from "./packages.ts";
export {
  DEFAULT_MAX_FILE_BYTES,
  type FileInfo,
  type FsResult,
  hostRootFs,
  type MemoryEntry,
  memoryRootFs,
  type RootFs,
} from "./rootfs.ts";
export {
  InvalidOsFactsError,
  instanceOsArn,
  type OsScanResult,
  type OsScanTarget,
  scanOperatingSystem,
} from "./scan.ts";
export { SqliteFile, SqliteFormatError } from "./sqlite.ts";
