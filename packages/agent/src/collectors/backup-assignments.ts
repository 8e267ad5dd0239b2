import {
  BackupClient,
  type BackupPlansListMember,
  type BackupSelection,
  type Conditions,
  GetBackupSelectionCommand,
  paginateListBackupPlans,
  paginateListBackupSelections,
} from "@aws-sdk/client-backup";
import { registerClients } from "../aws/clients.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import type { CollectContext } from "./collector.ts";

// The collectors of the resources AWS Backup protects ask which plans select them.
registerClients({ backup: BackupClient });

/** One resource assignment of a backup plan, as `GetBackupSelection` returns it. */
export interface BackupAssignment {
  readonly planName: string;
  readonly selection: BackupSelection;
}

/** `*` for any run of characters, `?` for one (`StringLike`; ARN patterns use `*` only). */
function like(pattern: string, value: string): boolean {
  const source = [...pattern]
    .map((ch) => (ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`, "s").test(value);
}

/** A condition key names a tag as `aws:ResourceTag/<key>` (`Conditions`) or bare (`ListOfTags`). */
const tagKey = (key: string | undefined) => (key ?? "").replace(/^aws:ResourceTag\//, "");

/** Every condition holds (AND), as AWS Backup applies `Conditions` to what `Resources` selects. */
function conditionsHold(conditions: Conditions | undefined, tags: Readonly<Record<string, string>>): boolean {
  const value = (key: string | undefined) => tags[tagKey(key)];
  return (
    (conditions?.StringEquals ?? []).every((c) => value(c.ConditionKey) === c.ConditionValue) &&
    (conditions?.StringNotEquals ?? []).every((c) => value(c.ConditionKey) !== c.ConditionValue) &&
    (conditions?.StringLike ?? []).every((c) => {
      const v = value(c.ConditionKey);
      return v !== undefined && like(c.ConditionValue ?? "", v);
    }) &&
    (conditions?.StringNotLike ?? []).every((c) => {
      const v = value(c.ConditionKey);
      return v === undefined || !like(c.ConditionValue ?? "", v);
    })
  );
}

/**
 * Whether a resource assignment selects the resource: its `Resources` (any ARN pattern) and all its
 * `Conditions`, or any of its `ListOfTags`, and none of its `NotResources`. An assignment with no
 * `Resources` and no `ListOfTags` selects every resource its conditions admit, as AWS Backup does.
 */
export function assignmentSelects(
  selection: BackupSelection,
  arn: string,
  tags: Readonly<Record<string, string>>,
): boolean {
  const resources = selection.Resources ?? [];
  const listOfTags = selection.ListOfTags ?? [];
  const byResources =
    (resources.length === 0 ? listOfTags.length === 0 : resources.some((p) => like(p, arn))) &&
    conditionsHold(selection.Conditions, tags);
  const byTags = listOfTags.some(
    (t) => t.ConditionType === "STRINGEQUALS" && tags[tagKey(t.ConditionKey)] === t.ConditionValue,
  );
  return (byResources || byTags) && !(selection.NotResources ?? []).some((p) => like(p, arn));
}

/** The names of the backup plans whose resource assignments select the resource (sorted, once each). */
export function plansSelecting(
  assignments: readonly BackupAssignment[],
  arn: string,
  tags: Readonly<Record<string, string>>,
): string[] {
  const plans = assignments.filter((a) => assignmentSelects(a.selection, arn, tags)).map((a) => a.planName);
  return [...new Set(plans)].sort();
}

/**
 * The region's backup plans' resource assignments (`ListBackupPlans`, `ListBackupSelections` per
 * plan, `GetBackupSelection` per assignment), read at most once and only when first asked for; the
 * first failure stands for the whole, which is then unknown.
 */
export function lazyBackupAssignments(c: CollectContext): () => Promise<RawOutcome<BackupAssignment[]>> {
  let out: Promise<RawOutcome<BackupAssignment[]>> | undefined;
  const read = async (): Promise<RawOutcome<BackupAssignment[]>> => {
    const client = c.clients.backup;
    const plans = await c.read.pages(
      { scope: c.region, service: "backup", command: "list-backup-plans" },
      () => paginateListBackupPlans({ client }, {}),
    );
    if (!plans.ok) return plans;
    const assignments: BackupAssignment[] = [];
    for (const plan of plans.value.BackupPlansList ?? ([] as BackupPlansListMember[])) {
      const planId = plan.BackupPlanId ?? "";
      const selections = await c.read.pages(
        { scope: c.region, service: "backup", command: "list-backup-selections", resource: planId },
        () => paginateListBackupSelections({ client }, { BackupPlanId: planId }),
      );
      if (!selections.ok) return selections;
      for (const s of selections.value.BackupSelectionsList ?? []) {
        const selectionId = s.SelectionId ?? "";
        const got = await c.read.one(
          {
            scope: c.region,
            service: "backup",
            command: "get-backup-selection",
            resource: encodeURIComponent(`${planId}/${selectionId}`),
          },
          () =>
            client.send(new GetBackupSelectionCommand({ BackupPlanId: planId, SelectionId: selectionId })),
        );
        if (!got.ok) return got;
        if (got.value.BackupSelection)
          assignments.push({ planName: plan.BackupPlanName ?? planId, selection: got.value.BackupSelection });
      }
    }
    return { ok: true, value: assignments };
  };
  return () => {
    out ??= read();
    return out;
  };
}
