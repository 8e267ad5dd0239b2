import type { CheckCase } from "../../_cases/case.ts";
import { MULTI_AZ_CLUSTER, rdsCluster } from "../../_cases/rds-clusters.ts";

/** Compliant and non-compliant cases of `vigil.rds.mysql-cluster-copy-tags-to-snapshots`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.rds.mysql-cluster-copy-tags-to-snapshots",
    name: "CopyTagsToSnapshot true",
    asset: rdsCluster({ ...MULTI_AZ_CLUSTER, Engine: "mysql", EngineVersion: "8.0.39" }),
    expect: "pass",
  },
  {
    check: "vigil.rds.mysql-cluster-copy-tags-to-snapshots",
    name: "CopyTagsToSnapshot false",
    asset: rdsCluster({
      ...MULTI_AZ_CLUSTER,
      Engine: "mysql",
      EngineVersion: "8.0.39",
      CopyTagsToSnapshot: false,
    }),
    expect: "fail",
  },
  {
    check: "vigil.rds.mysql-cluster-copy-tags-to-snapshots",
    name: "RDS for PostgreSQL (RDS.47)",
    asset: rdsCluster(MULTI_AZ_CLUSTER),
    expect: "n/a",
  },
];
