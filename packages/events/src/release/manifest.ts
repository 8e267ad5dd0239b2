import { createHash } from "node:crypto";
import * as z from "zod";
import { semverSchema, sha256Schema } from "../contracts/common.ts";
import { lazySchema } from "../contracts/lazy.ts";

/**
 * The release manifest: what infra's build publishes to the release bucket and the updater
 * consumes. It names every artifact by S3 key with its SHA-256 and exact size, and travels with a
 * detached Ed25519 signature over its canonical JSON (see `signing.ts`).
 */

/** Largest artifact the updater will download (Lambda's own limit for a zipped deployment package). */
export const MAX_RELEASE_ARTIFACT_BYTES = 50 * 1024 * 1024;

const s3KeySchema = lazySchema(() =>
  z
    .string()
    .min(1)
    .max(1024)
    .refine((k) => !k.startsWith("/") && !k.split("/").includes(".."), "an S3 key without a leading / or .."),
);

export const ReleaseFunction = lazySchema(() => z.enum(["agent", "updater"]));
export type ReleaseFunction = z.infer<typeof ReleaseFunction>;

export const ReleaseFile = lazySchema(() =>
  z.object({
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, "a file name like agent.zip"),
    key: s3KeySchema,
    sha256: sha256Schema,
    size: z.number().int().nonnegative().max(MAX_RELEASE_ARTIFACT_BYTES),
    /** Set when the file is the deployment package of a Lambda function. */
    function: ReleaseFunction.optional(),
  }),
);
export type ReleaseFile = z.infer<typeof ReleaseFile>;

export const ReleaseTemplate = lazySchema(() =>
  z.object({
    key: s3KeySchema,
    sha256: sha256Schema,
    size: z.number().int().nonnegative().max(MAX_RELEASE_ARTIFACT_BYTES),
  }),
);
export type ReleaseTemplate = z.infer<typeof ReleaseTemplate>;

export const ReleaseManifest = lazySchema(() =>
  z
    .object({
      version: semverSchema,
      createdAt: z.iso.datetime({ offset: true }),
      files: z.array(ReleaseFile).min(1).max(64),
      template: ReleaseTemplate.optional(),
      previousVersion: semverSchema.optional(),
    })
    .superRefine((m, ctx) => {
      const names = new Set<string>();
      const functions = new Set<string>();
      m.files.forEach((f, i) => {
        if (names.has(f.name))
          ctx.addIssue({ code: "custom", path: ["files", i, "name"], message: `duplicate file ${f.name}` });
        names.add(f.name);
        if (f.function && functions.has(f.function))
          ctx.addIssue({
            code: "custom",
            path: ["files", i, "function"],
            message: `more than one package for function ${f.function}`,
          });
        if (f.function) functions.add(f.function);
      });
    }),
);
export type ReleaseManifest = z.infer<typeof ReleaseManifest>;

/** Release channels a bucket publishes. */
export const ReleaseChannel = lazySchema(() => z.enum(["stable", "beta"]));
export type ReleaseChannel = z.infer<typeof ReleaseChannel>;

/**
 * Key layout of the release bucket, shared by the publisher (infra) and the consumer (updater):
 * every release lives under `releases/<version>/`, and a channel points at the current one by
 * carrying a copy of its manifest (and signature).
 */
export const releaseKeys = {
  channelManifest: (channel: ReleaseChannel): string => `channels/${channel}/manifest.json`,
  manifest: (version: string): string => `releases/${version}/manifest.json`,
  /** The detached signature sits next to the manifest it signs. */
  signature: (manifestKey: string): string => `${manifestKey}.sig`,
  artifact: (version: string, name: string): string => `releases/${version}/${name}`,
};

/**
 * The SHA-256 of each artifact as recorded by the platform when the release was made — a channel
 * separate from the release bucket, served as `GET {platformUrl}/releases/{version}/hashes`.
 */
export const RecordedReleaseHashes = lazySchema(() =>
  z.object({
    version: semverSchema,
    /** File name → SHA-256. */
    files: z.record(z.string(), sha256Schema),
    template: sha256Schema.optional(),
  }),
);
export type RecordedReleaseHashes = z.infer<typeof RecordedReleaseHashes>;

/** One artifact of a release as built or published: its name, bytes, and the function it deploys to. */
export interface ReleaseArtifact {
  readonly name: string;
  readonly data: Uint8Array;
  readonly function?: ReleaseFunction;
}

/**
 * The manifest of a release from its artifacts: key, SHA-256 and size of each, plus the template's
 * entry when the release carries one. The one way a manifest is made (the build, the demo's
 * publisher and the tests), so hashes are always computed the same way.
 */
export function buildReleaseManifest(options: {
  version: string;
  createdAt: string;
  artifacts: readonly ReleaseArtifact[];
  /** The stack template, when the release changes it (it may also be one of the artifacts). */
  template?: ReleaseArtifact;
  previousVersion?: string;
}): ReleaseManifest {
  const entry = (a: ReleaseArtifact) => ({
    key: releaseKeys.artifact(options.version, a.name),
    sha256: createHash("sha256").update(a.data).digest("hex"),
    size: a.data.byteLength,
  });
  const { template } = options;
  return ReleaseManifest.parse({
    version: options.version,
    createdAt: options.createdAt,
    files: options.artifacts.map((a) => ({
      name: a.name,
      ...entry(a),
      ...(a.function ? { function: a.function } : {}),
    })),
    ...(template ? { template: entry(template) } : {}),
    ...(options.previousVersion ? { previousVersion: options.previousVersion } : {}),
  });
}
