/**
 * The release: Lambda zips, every template, the permission set and a manifest naming each file by
 * S3 key with its SHA-256 and size. Deterministic: the same sources and version give the same bytes.
 */
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildReleaseManifest, type ReleaseFunction, type ReleaseManifest } from "@vigil/events";
import { permissionSetDocument } from "../iam/permissions.ts";
import { ARTIFACTS, renderAllTemplates, SCANNER_ARTIFACT } from "../templates/index.ts";
import { bundleLambda, type LambdaEntry } from "./bundle.ts";
import { createZip } from "./zip.ts";

export interface ReleaseArtifact {
  readonly name: string;
  readonly data: Buffer;
  readonly function?: ReleaseFunction;
}

export interface Release {
  readonly version: string;
  readonly artifacts: readonly ReleaseArtifact[];
  readonly manifest: ReleaseManifest;
  /** `manifest.json` bytes: what is published and signed. */
  readonly manifestJson: string;
  readonly bundles: readonly { name: string; codeBytes: number; zipBytes: number }[];
}

export interface BuildReleaseOptions {
  readonly version: string;
  /** Repository root the entries are relative to. */
  readonly root: string;
  readonly entries: readonly LambdaEntry[];
  /**
   * Recorded in the manifest. Not "now": a release is reproducible only if this is an input
   * (`SOURCE_DATE_EPOCH` in the CLI).
   */
  readonly createdAt: string;
  readonly previousVersion?: string;
  /** Leave out templates and permissions (a single-package deploy ships only its zip). */
  readonly lambdasOnly?: boolean;
}

export const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

const isReleaseFunction = (name: string): name is ReleaseFunction => name === "agent" || name === "updater";

export async function buildRelease(options: BuildReleaseOptions): Promise<Release> {
  const artifacts: ReleaseArtifact[] = [];
  const bundles: { name: string; codeBytes: number; zipBytes: number }[] = [];
  for (const entry of options.entries) {
    const bundle = await bundleLambda(entry, options.root, { releaseVersion: options.version });
    const zip = createZip(bundle.files);
    artifacts.push({
      name: `${entry.name}.zip`,
      data: zip,
      ...(isReleaseFunction(entry.name) ? { function: entry.name } : {}),
    });
    bundles.push({ name: entry.name, codeBytes: bundle.codeBytes, zipBytes: zip.length });
  }
  if (!options.lambdasOnly) {
    const scanner = artifacts.find((a) => a.name === SCANNER_ARTIFACT);
    const templates = renderAllTemplates({
      releaseVersion: options.version,
      ...(scanner ? { scannerSha256: sha256(scanner.data) } : {}),
    });
    for (const [name, text] of Object.entries(templates)) artifacts.push({ name, data: Buffer.from(text) });
    const permissions = `${JSON.stringify(permissionSetDocument(options.version), null, 2)}\n`;
    artifacts.push({ name: "permissions.json", data: Buffer.from(permissions) });
  }
  artifacts.sort((a, b) => (a.name < b.name ? -1 : 1));

  const root = artifacts.find((a) => a.name === ARTIFACTS.rootTemplate);
  const manifest = buildReleaseManifest({
    version: options.version,
    createdAt: options.createdAt,
    artifacts,
    ...(root ? { template: root } : {}),
    ...(options.previousVersion ? { previousVersion: options.previousVersion } : {}),
  });
  return {
    version: options.version,
    artifacts,
    manifest,
    manifestJson: `${JSON.stringify(manifest, null, 2)}\n`,
    bundles,
  };
}

/** Writes the release for inspection (`vigil templates` → `dist/release/`). */
export function writeRelease(release: Release, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const a of release.artifacts) {
    writeFileSync(join(dir, a.name), a.data);
    written.push(join(dir, a.name));
  }
  writeFileSync(join(dir, "manifest.json"), release.manifestJson);
  written.push(join(dir, "manifest.json"));
  return written;
}
