import type { CheckCase } from "../../_cases/case.ts";
import { MULTI_AZ_CLUSTER, rdsCluster } from "../../_cases/rds-clusters.ts";

/** Compliant and non-compliant cases of `vigil.rds.cluster-auto-minor-version-upgrade`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.rds.cluster-auto-minor-version-upgrade",
    name: "Multi-AZ DB cluster, AutoMinorVersionUpgrade true",
    asset: rdsCluster(MULTI_AZ_CLUSTER),
    expect: "pass",
  },
  {
    check: "vigil.rds.cluster-auto-minor-version-upgrade",
    name: "Multi-AZ DB cluster, AutoMinorVersionUpgrade false",
    asset: rdsCluster({ ...MULTI_AZ_CLUSTER, AutoMinorVersionUpgrade: false }),
    expect: "fail",
  },
  {
    check: "vigil.rds.cluster-auto-minor-version-upgrade",
    name: "Aurora (set per instance)",
    asset: rdsCluster(),
    expect: "n/a",
  },
];
