import type { CheckCase } from "../../_cases/case.ts";
import { MULTI_AZ_CLUSTER, rdsCluster } from "../../_cases/rds-clusters.ts";

/** Compliant and non-compliant cases of `vigil.rds.postgresql-cluster-copy-tags-to-snapshots`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.rds.postgresql-cluster-copy-tags-to-snapshots",
    name: "CopyTagsToSnapshot true",
    asset: rdsCluster(MULTI_AZ_CLUSTER),
    expect: "pass",
  },
  {
    check: "vigil.rds.postgresql-cluster-copy-tags-to-snapshots",
    name: "CopyTagsToSnapshot false",
    asset: rdsCluster({ ...MULTI_AZ_CLUSTER, CopyTagsToSnapshot: false }),
    expect: "fail",
  },
  {
    check: "vigil.rds.postgresql-cluster-copy-tags-to-snapshots",
    name: "Aurora MySQL (RDS.16)",
    asset: rdsCluster(),
    expect: "n/a",
  },
];
