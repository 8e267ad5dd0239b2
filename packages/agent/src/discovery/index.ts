export { type AccountIdentity, DiscoveryError, identifyAccount, type RegionStatus } from "./identify.ts";
export {
  AccountReader,
  type CallProblem,
  decodePolicyDocument,
  mergePages,
  type RawOutcome,
  type RawRecorder,
  type RawRef,
  ReadDescriptionError,
  readMismatch,
  snapshotPath,
  toCliJson,
} from "./reader.ts";
