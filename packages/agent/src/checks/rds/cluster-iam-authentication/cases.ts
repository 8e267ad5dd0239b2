import type { CheckCase } from "../../_cases/case.ts";
import { rdsCluster } from "../../_cases/rds-clusters.ts";

/** Compliant and non-compliant cases of `vigil.rds.cluster-iam-authentication`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.rds.cluster-iam-authentication",
    name: "IAMDatabaseAuthenticationEnabled true",
    asset: rdsCluster(),
    expect: "pass",
  },
  {
    check: "vigil.rds.cluster-iam-authentication",
    name: "IAMDatabaseAuthenticationEnabled false",
    asset: rdsCluster({ IAMDatabaseAuthenticationEnabled: false }),
    expect: "fail",
  },
];
