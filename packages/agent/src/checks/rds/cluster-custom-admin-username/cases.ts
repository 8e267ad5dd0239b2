import type { CheckCase } from "../../_cases/case.ts";
import { MULTI_AZ_CLUSTER, rdsCluster } from "../../_cases/rds-clusters.ts";

/** Compliant and non-compliant cases of `vigil.rds.cluster-custom-admin-username`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.rds.cluster-custom-admin-username",
    name: "MasterUsername orders_owner",
    asset: rdsCluster(),
    expect: "pass",
  },
  {
    check: "vigil.rds.cluster-custom-admin-username",
    name: "MasterUsername admin",
    asset: rdsCluster({ MasterUsername: "admin" }),
    expect: "fail",
  },
  {
    check: "vigil.rds.cluster-custom-admin-username",
    name: "MasterUsername postgres",
    asset: rdsCluster({ ...MULTI_AZ_CLUSTER, MasterUsername: "postgres" }),
    expect: "fail",
  },
];
