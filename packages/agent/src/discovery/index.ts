export { type AccountIdentity, DiscoveryError, identifyAccount, type RegionStatus } from "./identify.ts";
export {
  AccountReader,
  type CallProblem,
  decodePolicyDocument,
  mergePages,
  type RawOutcome,
  type RawRecorder,
  type RawRef,
  snapshotPath,
  toCliJson,
} from "./reader.ts";
