import type { CheckCase } from "../../_cases/case.ts";
import { rdsCluster } from "../../_cases/rds-clusters.ts";

/** Compliant and non-compliant cases of `vigil.rds.cluster-multi-az`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.rds.cluster-multi-az",
    name: "MultiAZ true",
    asset: rdsCluster(),
    expect: "pass",
  },
  {
    check: "vigil.rds.cluster-multi-az",
    name: "MultiAZ false (one instance)",
    asset: rdsCluster({
      MultiAZ: false,
      DBClusterMembers: [{ DBInstanceIdentifier: "orders-1", IsClusterWriter: true }],
    }),
    expect: "fail",
  },
];
