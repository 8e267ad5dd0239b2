import type { AssetOf } from "../../assets/index.ts";
import { type CheckOutcome, fail, pass } from "../check.ts";

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

export const GUARDDUTY_READS = ["detectorId", "status", "features"] as const;
