import type { CheckCase } from "../../_cases/case.ts";
import { MULTI_AZ_CLUSTER, rdsCluster } from "../../_cases/rds-clusters.ts";

/** Compliant and non-compliant cases of `vigil.rds.aurora-cluster-copy-tags-to-snapshots`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.rds.aurora-cluster-copy-tags-to-snapshots",
    name: "CopyTagsToSnapshot true",
    asset: rdsCluster(),
    expect: "pass",
  },
  {
    check: "vigil.rds.aurora-cluster-copy-tags-to-snapshots",
    name: "CopyTagsToSnapshot false",
    asset: rdsCluster({ CopyTagsToSnapshot: false }),
    expect: "fail",
  },
  {
    check: "vigil.rds.aurora-cluster-copy-tags-to-snapshots",
    name: "RDS for PostgreSQL Multi-AZ DB cluster (RDS.47)",
    asset: rdsCluster({ ...MULTI_AZ_CLUSTER, CopyTagsToSnapshot: false }),
    expect: "n/a",
  },
];
