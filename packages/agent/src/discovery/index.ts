export {
  type AccountIdentity,
  type DiscoverOptions,
  type Discovery,
  DiscoveryError,
  type DiscoveryProgress,
  discoverAccount,
  type InvalidAsset,
  type RegionStatus,
} from "./discover.ts";
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
