import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { writeSnapshotFiles } from "@vigil/events";
import type { AccountModel } from "./model.ts";

/** A snapshot directory that cannot be loaded; the message says which file and what is wrong. */
export class SnapshotLoadError extends Error {
  override readonly name = "SnapshotLoadError";
}

const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

/** Loads an account snapshot directory (account.json plus CLI JSON files) into an {@link AccountModel}. */
export async function loadSnapshot(dir: string): Promise<AccountModel> {
  let account: { accountId?: unknown; regions?: unknown };
  try {
    account = JSON.parse(await readFile(join(dir, "account.json"), "utf8"));
  } catch (e) {
    throw new SnapshotLoadError(
      `${join(dir, "account.json")}: cannot read the account file (${(e as Error).message})`,
    );
  }
  const { accountId, regions } = account;
  if (typeof accountId !== "string" || !/^\d{12}$/.test(accountId)) {
    throw new SnapshotLoadError(`${join(dir, "account.json")}: accountId must be a 12-digit string`);
  }
  if (
    !Array.isArray(regions) ||
    regions.length === 0 ||
    !regions.every((r) => typeof r === "string" && REGION.test(r))
  ) {
    throw new SnapshotLoadError(
      `${join(dir, "account.json")}: regions must be a non-empty list of region names`,
    );
  }
  const files = new Map<string, unknown>();
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.endsWith(".json"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const path of entries) {
    const rel = relative(dir, path).split(sep).join("/");
    if (rel === "account.json") continue;
    const parts = rel.split("/");
    if (parts.length !== 3 && parts.length !== 4) {
      throw new SnapshotLoadError(`${path}: expected <scope>/<cli-service>/<cli-command>[/<resource>].json`);
    }
    const scope = parts[0] as string;
    if (scope !== "global" && !regions.includes(scope)) {
      throw new SnapshotLoadError(
        `${path}: scope '${scope}' is neither 'global' nor a region of account.json`,
      );
    }
    try {
      files.set(rel.slice(0, -".json".length), JSON.parse(await readFile(path, "utf8")));
    } catch (e) {
      throw new SnapshotLoadError(`${path}: invalid JSON (${(e as Error).message})`);
    }
  }
  return { accountId, regions: regions as string[], files };
}

/** Writes a model as a snapshot directory; files are pretty-printed as the AWS CLI prints them. */
export async function writeSnapshot(model: AccountModel, dir: string): Promise<void> {
  await writeSnapshotFiles(model, dir);
}
