export { canonicalJson } from "./canonical-json.ts";
export {
  ForceUpdateRequest,
  HealthCheckRequest,
  HealthCheckResponse,
  isHealthCheckRequest,
} from "./health-check.ts";
export {
  buildReleaseManifest,
  MAX_RELEASE_ARTIFACT_BYTES,
  RecordedReleaseHashes,
  type ReleaseArtifact,
  ReleaseChannel,
  ReleaseFile,
  ReleaseFunction,
  ReleaseManifest,
  ReleaseTemplate,
  releaseKeys,
} from "./manifest.ts";
export {
  generateReleaseSigningKey,
  type ManifestVerification,
  parseReleasePublicKeys,
  type ReleasePublicKey,
  ReleaseSignature,
  type ReleaseSigningKey,
  releaseKeyId,
  signReleaseManifest,
  verifyReleaseManifest,
} from "./signing.ts";
