import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { AwsClients } from "../aws/clients.ts";
import type { Collector } from "../collectors/index.ts";
import { type DiscoveryProgress, discoverAccount } from "../discovery/discover.ts";
import type { CallProblem } from "../discovery/reader.ts";

/** An account snapshot in memory: snapshot path (without `.json`) → AWS CLI JSON (docs/snapshot-format.md). */
export interface AccountSnapshot {
  readonly accountId: string;
  readonly regions: readonly string[];
  readonly files: Map<string, unknown>;
  /** Calls that were denied: their files are missing, so the checks needing them decide nothing. */
  readonly deniedCalls: readonly CallProblem[];
}

export interface CaptureOptions {
  readonly clients: AwsClients;
  readonly regions?: readonly string[];
  readonly collectors?: readonly Collector[];
  readonly onProgress?: (progress: DiscoveryProgress) => void;
}

/**
 * Captures what the collectors read (read-only calls only), in the snapshot layout: the exact
 * calls a scan makes, so scanning the snapshot later decides the same as scanning the account.
 */
export async function captureSnapshot(options: CaptureOptions): Promise<AccountSnapshot> {
  const files = new Map<string, unknown>();
  const discovery = await discoverAccount({
    clients: options.clients,
    ...(options.regions !== undefined ? { regions: options.regions } : {}),
    ...(options.collectors !== undefined ? { collectors: options.collectors } : {}),
    ...(options.onProgress !== undefined ? { onProgress: options.onProgress } : {}),
    recorder: (path, body) => files.set(path, body),
  });
  return {
    accountId: discovery.accountId,
    regions: discovery.scannedRegions,
    files,
    deniedCalls: discovery.deniedCalls,
  };
}

/** Writes a snapshot directory; files are pretty-printed as the AWS CLI prints them (4 spaces). */
export async function writeSnapshotDir(snapshot: AccountSnapshot, dir: string): Promise<number> {
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, "account.json"),
    `${JSON.stringify({ accountId: snapshot.accountId, regions: snapshot.regions }, null, 4)}\n`,
  );
  for (const key of [...snapshot.files.keys()].sort()) {
    const path = join(dir, `${key}.json`);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, `${JSON.stringify(snapshot.files.get(key), null, 4)}\n`);
  }
  return snapshot.files.size + 1;
}
