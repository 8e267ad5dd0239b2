import type { EventStore, Mute, ScanSettings } from "@vigil/events";
import type { CheckEntry } from "../checks/check.ts";
import { type CheckSelection, type CheckSelectionError, type Policy, selectChecks } from "./policies.ts";

/**
 * What a scan evaluates: the stack's defaults (`Policies`, `DisabledChecks`), replaced by the
 * latest `vigil.scan.settings-changed.v1` the platform sent, which the agent keeps in its log.
 */
export interface ResolvedSettings {
  readonly selection: CheckSelection;
  readonly mutes: readonly Mute[];
}

/** The stack's part: policy ids and checks switched off for this integration. */
export interface StackSettings {
  readonly policies?: readonly string[] | undefined;
  readonly disabledChecks?: readonly string[] | undefined;
}

/** The stream holding the platform's settings commands for one integration. */
export function settingsStreamId(integrationId: string): string {
  return `settings#${integrationId}`;
}

/**
 * The platform's command over the stack's defaults (pure): its policies replace the stack's when
 * given; the stack's disabled checks stay off unless the command enables them by name; the
 * command's mutes are the mutes.
 */
export function resolveSettings(stack: StackSettings, command: ScanSettings | undefined): ResolvedSettings {
  const enabled = new Set(command?.enabledChecks ?? []);
  const disabled = [
    ...(stack.disabledChecks ?? []).filter((id) => !enabled.has(id)),
    ...(command?.disabledChecks ?? []),
  ];
  const policies = command?.policies ?? stack.policies;
  return {
    selection: {
      ...(policies !== undefined && policies.length > 0 ? { policies: [...policies] } : {}),
      enabledChecks: [...enabled],
      disabledChecks: [...new Set(disabled)],
    },
    mutes: command?.mutes ?? [],
  };
}

/** Checks a selection names only policies and checks that exist (the error says which one does not). */
export function selectionProblem(
  selection: CheckSelection,
  catalogue: readonly CheckEntry[],
  policies?: readonly Policy[],
): CheckSelectionError | undefined {
  const selected = selectChecks(selection, catalogue, policies);
  return selected.ok ? undefined : selected.error;
}

/** The latest settings command in the log, if any (one short stream: commands are rare). */
export async function latestSettings(
  store: Pick<EventStore, "readStream">,
  integrationId: string,
): Promise<ScanSettings | undefined> {
  const read = await store.readStream(settingsStreamId(integrationId));
  const last = read.events.at(-1)?.event;
  if (last?.type !== "vigil.scan.settings-changed.v1") return undefined;
  const { changedBy: _by, ...settings } = last.data as ScanSettings & { changedBy: string };
  return settings;
}
