import { CreateBucketCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import {
  buildReleaseManifest,
  type RecordedReleaseHashes,
  type ReleaseChannel,
  type ReleaseFunction,
  type ReleaseManifest,
  type ReleaseSigningKey,
  releaseKeys,
  signReleaseManifest,
} from "@vigil/events";

export interface ReleaseFileInput {
  name: string;
  body: Uint8Array;
  function?: ReleaseFunction;
}

export interface PublishReleaseOptions {
  version: string;
  template?: Uint8Array;
  previousVersion?: string;
  createdAt?: Date;
  /** Also point this channel at the release (default `stable`; `false` to leave channels alone). */
  channel?: ReleaseChannel | false;
  /** Create the bucket first (local stack). */
  createBucket?: boolean;
}

export interface PublishedRelease {
  manifest: ReleaseManifest;
  manifestKey: string;
  /** What the platform records at release time, for `ReleaseHashes`. */
  recorded: RecordedReleaseHashes;
}

/**
 * Publish a signed release the way infra's build does: artifacts under `releases/<version>/`, the
 * canonical-JSON manifest with its detached signature, and a copy on the channel.
 */
export async function publishRelease(
  s3: S3Client,
  bucket: string,
  files: readonly ReleaseFileInput[],
  signingKey: Pick<ReleaseSigningKey, "keyId" | "privateKey">,
  options: PublishReleaseOptions,
): Promise<PublishedRelease> {
  const { version } = options;
  if (options.createBucket) {
    try {
      await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    } catch (error) {
      const name = (error as Error).name;
      if (name !== "BucketAlreadyOwnedByYou" && name !== "BucketAlreadyExists") throw error;
    }
  }
  const put = (key: string, body: Uint8Array | string, contentType: string) =>
    s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));

  const manifest = buildReleaseManifest({
    version,
    createdAt: (options.createdAt ?? new Date()).toISOString(),
    artifacts: files.map((f) => ({
      name: f.name,
      data: f.body,
      ...(f.function ? { function: f.function } : {}),
    })),
    ...(options.template ? { template: { name: "template.json", data: options.template } } : {}),
    ...(options.previousVersion ? { previousVersion: options.previousVersion } : {}),
  });
  for (const f of files) await put(releaseKeys.artifact(version, f.name), f.body, "application/zip");
  if (options.template)
    await put(releaseKeys.artifact(version, "template.json"), options.template, "application/json");

  const { manifestJson, signature } = signReleaseManifest(manifest, signingKey);
  const manifestKey = releaseKeys.manifest(version);
  const keys = [manifestKey];
  if (options.channel !== false) keys.push(releaseKeys.channelManifest(options.channel ?? "stable"));
  for (const key of keys) {
    await put(key, manifestJson, "application/json");
    await put(releaseKeys.signature(key), JSON.stringify(signature), "application/json");
  }
  return {
    manifest,
    manifestKey,
    recorded: {
      version,
      files: Object.fromEntries(manifest.files.map((f) => [f.name, f.sha256])),
      ...(manifest.template ? { template: manifest.template.sha256 } : {}),
    },
  };
}
