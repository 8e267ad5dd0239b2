import type { AssetOf } from "../../assets/index.ts";
import { type CheckOutcome, fail, pass } from "../check.ts";

const COPIES = pass("the cluster copies its tags to its snapshots");
const DOES_NOT = fail("the cluster does not copy its tags to its snapshots");

/**
 * What FSBP's three copy-tags controls share (RDS.16 Aurora, RDS.47 PostgreSQL, RDS.48 MySQL): the
 * cluster's `CopyTagsToSnapshot`, for the engines of one control.
 */
export const clusterCopyTags = {
  resourceType: "aws.rds.cluster",
  reads: ["engine", "copyTagsToSnapshot"],
  rationale:
    "Snapshots that carry the cluster's tags are found, owned and governed (backup, cost, access by tag) like the cluster they came from.",
  remediation:
    "aws rds modify-db-cluster --db-cluster-identifier <id> --copy-tags-to-snapshot --apply-immediately",
  severity: "low",
} as const;

export function copyTagsOutcome(
  asset: AssetOf<"aws.rds.cluster">,
  applies: (engine: string) => boolean,
): CheckOutcome | undefined {
  if (!applies(asset.config.engine)) return undefined;
  return asset.config.copyTagsToSnapshot ? COPIES : DOES_NOT;
}
