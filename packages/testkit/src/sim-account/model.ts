/**
 * The simulated account's state: an account snapshot (docs/snapshot-format.md) held in memory.
 * Each entry is the AWS CLI JSON output of one call, keyed by its snapshot path without `.json`:
 * `<region|global>/<cli-service>/<cli-command>` or `.../<cli-command>/<resource>`.
 */
export interface AccountModel {
  readonly accountId: string;
  readonly regions: readonly string[];
  readonly files: Map<string, unknown>;
}

/** What a snapshot file may hold instead of output: the AWS error the call returned. */
export interface SnapshotError {
  readonly Error: { readonly Code: string; readonly Message: string };
}

export function isSnapshotError(value: unknown): value is SnapshotError {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  const err = (value as { Error?: unknown }).Error;
  return keys.length === 1 && keys[0] === "Error" && typeof err === "object" && err !== null;
}

export function snapshotKey(
  scope: string,
  cliService: string,
  cliCommand: string,
  resource?: string,
): string {
  return resource === undefined
    ? `${scope}/${cliService}/${cliCommand}`
    : `${scope}/${cliService}/${cliCommand}/${resource}`;
}

/** A deep copy, so a simulated account's writes never reach the model it was created from. */
export function cloneModel(model: AccountModel): AccountModel {
  return { accountId: model.accountId, regions: [...model.regions], files: structuredClone(model.files) };
}
