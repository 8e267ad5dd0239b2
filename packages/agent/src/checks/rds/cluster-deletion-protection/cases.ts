import type { CheckCase } from "../../_cases/case.ts";
import { rdsCluster } from "../../_cases/rds-clusters.ts";

/** Compliant and non-compliant cases of `vigil.rds.cluster-deletion-protection`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.rds.cluster-deletion-protection",
    name: "DeletionProtection true",
    asset: rdsCluster(),
    expect: "pass",
  },
  {
    check: "vigil.rds.cluster-deletion-protection",
    name: "DeletionProtection false",
    asset: rdsCluster({ DeletionProtection: false }),
    expect: "fail",
  },
];
