import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

/** What a snapshot directory holds: `account.json`, and one file per read (`<region|global>/<service>/<command>…`). */
export interface SnapshotFiles {
  readonly accountId: string;
  readonly regions: readonly string[];
  /** Relative path without `.json` → the AWS CLI's JSON output (or `{"Error": …}`). */
  readonly files: ReadonlyMap<string, unknown>;
}

/**
 * Writes the snapshot layout (docs/snapshot-format.md) into `dir`: files pretty-printed as the AWS
 * CLI prints them (4 spaces), in key order. The one writer for `vigil snapshot` and the simulated
 * account, so what one writes the other reads byte for byte.
 */
export async function writeSnapshotFiles(snapshot: SnapshotFiles, dir: string): Promise<void> {
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
}
