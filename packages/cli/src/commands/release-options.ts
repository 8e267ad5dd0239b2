import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const VIGIL_VERSION = "0.1.0";

/** The repository root, which Lambda entry paths are relative to. */
export function repoRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
}

/**
 * The release's `createdAt`: `SOURCE_DATE_EPOCH` (reproducible-builds convention) when set,
 * otherwise the zip epoch, so building twice gives the same manifest bytes.
 */
export function releaseCreatedAt(): string {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return new Date(Number.isFinite(epoch) && epoch > 0 ? epoch * 1000 : Date.UTC(1980, 0, 1)).toISOString();
}
