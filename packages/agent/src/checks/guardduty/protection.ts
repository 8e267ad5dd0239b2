import type { AssetOf } from "../../assets/index.ts";
import { type CheckOutcome, defineCheck, fail, pass } from "../check.ts";

type GuardDuty = AssetOf<"aws.guardduty.account-settings">;

/**
 * A GuardDuty protection plan's verdict from the detector's features: on when any of `ways` (a
 * feature, or `feature/additional configuration`, all of whose parts are `ENABLED`) is. Not decided
 * where GuardDuty itself is off (no detector, or suspended): `vigil.guardduty.detector-enabled` says so.
 */
export function protectionVerdict(
  asset: GuardDuty,
  plan: string,
  ways: readonly (readonly string[])[],
): CheckOutcome | undefined {
  const { detectorId, status, features } = asset.config;
  if (detectorId === null || status !== "ENABLED") return undefined;
  const on = ways.some((parts) => parts.every((p) => features[p] === "ENABLED"));
  return on ? pass(`${plan} is enabled`) : fail(`${plan} is not enabled`);
}

/** One check per protection plan, FSBP's `GuardDuty.<control>`: the detector feature(s) that turn it on. */
export function protectionCheck(spec: {
  readonly name: string;
  readonly control: number;
  /** As FSBP's title names it: `GuardDuty <plan> should be enabled`. */
  readonly plan: string;
  /** The plan's name in evidence, when it says more than `plan` (automated agent management). */
  readonly evidence?: string;
  readonly ways: readonly (readonly string[])[];
  /** `update-detector --features` value that turns it on. */
  readonly features: string;
  readonly rationale: string;
}) {
  return defineCheck({
    id: `vigil.guardduty.${spec.name}`,
    title: `GuardDuty ${spec.plan} should be enabled`,
    severity: "medium",
    resourceType: "aws.guardduty.account-settings",
    reads: ["detectorId", "status", "features"],
    rationale: spec.rationale,
    remediation: `aws guardduty update-detector --detector-id <detector-id> --features ${spec.features}`,
    references: [
      `https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-${spec.control}`,
    ],
    mappings: { cis: [], fsbp: [`GuardDuty.${spec.control}`] },
    evaluate: (asset) => protectionVerdict(asset, spec.evidence ?? spec.plan, spec.ways),
  });
}
