import type { AssetOf } from "../../assets/index.ts";
import type { RdsEventSubscription } from "../../assets/other.ts";
import { type CheckOutcome, fail, pass } from "../check.ts";

/** A subscription's reach: enabled, for this source type (or every type), every source of it. */
function covers(s: RdsEventSubscription, sourceType: string): boolean {
  return s.enabled && (s.sourceType === null || s.sourceType === sourceType) && s.sourceIds.length === 0;
}

/**
 * FSBP's RDS event subscription controls (RDS.19–RDS.22): an enabled subscription of the region sends
 * every event of `categories` for every source of `sourceType` (no categories listed means all).
 * `onlyExisting`: the control is about the subscriptions that exist (RDS.19, RDS.20), so a region with
 * none is not assessed; otherwise (RDS.21, RDS.22) a region with none fails.
 */
export function subscriptionOutcome(
  asset: AssetOf<"aws.rds.account-settings">,
  sourceType: string,
  categories: readonly string[],
  onlyExisting: boolean,
): CheckOutcome | undefined {
  const all = asset.config.eventSubscriptions;
  if (all.length === 0)
    return onlyExisting ? undefined : fail(`no event subscription in the region sends ${sourceType} events`);
  const reaching = all.filter((s) => covers(s, sourceType));
  let best: string[] = [...categories];
  for (const s of reaching) {
    const missing =
      s.eventCategories.length === 0 ? [] : categories.filter((c) => !s.eventCategories.includes(c));
    if (missing.length === 0)
      return pass(
        `subscription ${s.subscriptionName.slice(0, 30)} sends ${sourceType} ${categories.join(", ")} events`,
      );
    if (missing.length < best.length) best = missing;
  }
  return fail(`no enabled subscription sends every ${sourceType}'s ${best.join(", ")} events`);
}
