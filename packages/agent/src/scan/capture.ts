import { mkdtemp, readdir, rename, rm, rmdir, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { writeSnapshotFiles } from "@vigil/events";
import type { AwsClients } from "../aws/clients.ts";
import type { CallProblem } from "../discovery/reader.ts";
import { runScan, type ScanProgressEvent } from "./scan.ts";
import type { ServiceGroup } from "./shard.ts";

/** An account snapshot in memory: snapshot path (without `.json`) → AWS CLI JSON (docs/snapshot-format.md). */
export interface AccountSnapshot {
  readonly accountId: string;
  readonly regions: readonly string[];
  readonly files: Map<string, unknown>;
  /** Calls that were denied: their files are missing, so the checks needing them decide nothing. */
  readonly deniedCalls: readonly CallProblem[];
  /** Calls that failed otherwise: the snapshot keeps AWS's error, and the checks needing them decide nothing. */
  readonly failedCalls: readonly CallProblem[];
}

export interface CaptureOptions {
  readonly clients: AwsClients;
  readonly regions?: readonly string[];
  readonly groups?: readonly ServiceGroup[];
  readonly onProgress?: (progress: ScanProgressEvent) => void;
  /** Throw on a read the AWS reads description (packages/events) does not describe, or not as described (tests). */
  readonly strictReads?: boolean;
}

/**
 * Captures what a scan reads (read-only calls only), in the snapshot layout: it runs the scan
 * itself and keeps every answer, so scanning the snapshot later makes the same calls and decides
 * the same as scanning the account did.
 */
export async function captureSnapshot(options: CaptureOptions): Promise<AccountSnapshot> {
  const files = new Map<string, unknown>();
  const scan = await runScan({
    clients: options.clients,
    scanId: "snapshot",
    ...(options.regions !== undefined ? { regions: options.regions } : {}),
    ...(options.groups !== undefined ? { groups: options.groups } : {}),
    ...(options.onProgress !== undefined ? { onProgress: options.onProgress } : {}),
    recorder: (path, body) => files.set(path, body),
    ...(options.strictReads ? { strictReads: true } : {}),
  });
  return {
    accountId: scan.accountId,
    regions: scan.discovery.scannedRegions,
    files,
    deniedCalls: scan.discovery.deniedCalls,
    failedCalls: scan.discovery.failedCalls,
  };
}

/**
 * Why a snapshot cannot go to `dir`: it is a file, cannot be created there, or holds files already.
 * Mixed with an older snapshot's files, a call this capture could not make would be read from the
 * older file, as a fact of this account. Asked before a capture, which takes minutes on a real
 * account, so a directory that cannot be written is said at once rather than after the reads.
 */
export async function snapshotDirProblem(dir: string): Promise<string | undefined> {
  const found = await stat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT" || error.code === "ENOTDIR") return undefined;
    throw error;
  });
  if (found === undefined) return unwritableParent(resolve(dir));
  if (!found.isDirectory()) return `${dir} is a file: give a new or empty directory`;
  const entries = await readdir(dir);
  if (entries.length === 0) return undefined;
  return `${dir} is not empty (${entries.length} entr${entries.length === 1 ? "y" : "ies"}): a snapshot goes to a new or empty directory, so no older snapshot's file is read as this account's`;
}

/** `dir` does not exist: its nearest existing ancestor must be a directory this process can create in (tried, then removed). */
async function unwritableParent(dir: string): Promise<string | undefined> {
  let ancestor = dirname(dir);
  for (;;) {
    const found = await stat(ancestor).catch((error: NodeJS.ErrnoException) => {
      // ENOTDIR: a file further up, found as the walk goes on.
      if ((error.code === "ENOENT" || error.code === "ENOTDIR") && dirname(ancestor) !== ancestor)
        return undefined;
      throw error;
    });
    if (found === undefined) {
      ancestor = dirname(ancestor);
      continue;
    }
    if (!found.isDirectory()) return `cannot create ${dir}: ${ancestor} is a file, not a directory`;
    try {
      await rmdir(await mkdtemp(join(ancestor, ".vigil-snapshot-probe-")));
      return undefined;
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException;
      return `cannot create ${dir}: creating a directory in ${ancestor} was refused (${code ?? message})`;
    }
  }
}

/**
 * Writes a snapshot directory; files are pretty-printed as the AWS CLI prints them (4 spaces).
 * `dir` must not exist or be empty; the files are written beside it and moved in at the end, so a
 * crash or a full disk leaves no half snapshot under that name.
 */
export async function writeSnapshotDir(snapshot: AccountSnapshot, out: string): Promise<number> {
  const problem = await snapshotDirProblem(out);
  if (problem) throw new Error(problem);
  const dir = resolve(out);
  const staging = `${dir}.partial-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    await writeSnapshotFiles(snapshot, staging);
    await rmdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
    await rename(staging, dir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return snapshot.files.size + 1;
}
