/**
 * A region's EBS scan, once finished, as the scan reports assets: one `aws.ec2.instance-os` per
 * instance, with the OS checks the scanner evaluated on its root volume — narrowed to the checks the
 * scan's settings select, failures muted as the settings' mutes say. An instance whose root volume
 * could not be scanned gets every selected OS check as ERROR with the reason: never a PASS, never
 * missing.
 */
import type { AssetRef, CheckResult } from "@vigil/events";
import { instanceOsArn } from "../assets/os.ts";
import type { AnyCheck, CheckEntry } from "../checks/check.ts";
import { CHECK_INDEX } from "../checks/check-index.ts";
import { planEvaluation } from "../checks/evaluate.ts";
import { OS_CHECKS } from "../checks/os/index.ts";
import { isMuteActive, muteMatches } from "../policies/mutes.ts";
import type { ResolvedSettings } from "../policies/settings.ts";
import { describeChecks, describedResult } from "../scan/assessed.ts";
import type { AssessedAsset } from "../scheduler/runner.ts";
import type { EbsScanState, VolumeTask } from "./state.ts";

export function instanceOsReports(
  state: EbsScanState,
  context: {
    readonly accountId: string;
    readonly region: string;
    readonly now: number;
    readonly settings?: ResolvedSettings | undefined;
    /** The checks to pick the OS checks from (default the OS checks, loaded with the EBS worker's chunk). */
    readonly catalogue?: readonly AnyCheck[];
    /** What the settings' selection is resolved over (default every check's index entry). */
    readonly index?: readonly CheckEntry[];
  },
): AssessedAsset[] {
  const plan = planEvaluation({
    now: context.now,
    ...(context.settings ? { selection: context.settings.selection, mutes: context.settings.mutes } : {}),
    catalogue: context.catalogue ?? OS_CHECKS,
    index: context.index ?? (context.catalogue ? context.catalogue : CHECK_INDEX),
  });
  const selected = plan.checks.filter((c) => c.resourceType === "aws.ec2.instance-os");
  const byId = new Map(selected.map((c) => [c.id, c]));
  const described = describeChecks(selected);
  const mutes = (context.settings?.mutes ?? []).filter((m) => isMuteActive(m, context.now));
  const out: AssessedAsset[] = [];
  for (const [instanceId, { tags }] of state.instances) {
    const asset: AssetRef = {
      arn: instanceOsArn({ accountId: context.accountId, region: context.region, instanceId }),
      type: "aws.ec2.instance-os",
      region: context.region,
      accountId: context.accountId,
      ...(tags.Name ? { name: tags.Name.slice(0, 1024) } : {}),
      tags: { ...tags },
    };
    const root = [...state.tasks.values()].find((t) => t.planned.instanceId === instanceId && t.planned.root);
    const problem = whyNotAssessed(root);
    let results: CheckResult[];
    if (problem !== undefined) {
      const evidence = `could not be assessed: ${problem}`.slice(0, 1024);
      results = selected.map((c) =>
        describedResult(
          { checkId: c.id, status: "error" as const, severity: c.severity, title: c.title, evidence },
          described,
        ),
      );
    } else {
      results = [];
      for (const r of (root as VolumeTask & { scanned: NonNullable<VolumeTask["scanned"]> }).scanned
        .results) {
        const check = byId.get(r.checkId);
        if (!check) continue;
        const base: CheckResult = {
          checkId: r.checkId,
          status: r.status,
          severity: check.severity,
          title: check.title,
          ...(r.evidence !== undefined ? { evidence: r.evidence.slice(0, 1024) } : {}),
        };
        const mute = r.status === "fail" ? mutes.find((m) => muteMatches(m, r.checkId, asset)) : undefined;
        results.push(describedResult(mute ? { ...base, status: "muted", muteId: mute.id } : base, described));
      }
    }
    out.push({ asset, results });
  }
  return out;
}

/** Why an instance's OS has no verdicts, or undefined when its root volume was scanned. */
function whyNotAssessed(root: VolumeTask | undefined): string | undefined {
  if (!root) return "its root device is not an EBS volume (instance store cannot be copied by snapshot)";
  if (root.skipped) return `root volume ${root.planned.volumeId} was not scanned: ${root.skipped.detail}`;
  const scanned = root.scanned;
  if (!scanned) return `root volume ${root.planned.volumeId} was not scanned`;
  if (scanned.error)
    return `the scanner could not read root volume ${root.planned.volumeId}: ${scanned.error.message}`;
  if (scanned.volumeRole !== "root")
    return `no Linux root filesystem (os-release) was found on root volume ${root.planned.volumeId}`;
  return undefined;
}
