import type { CheckCase } from "../../_cases/case.ts";
import { rdsCluster } from "../../_cases/rds-clusters.ts";

/** Compliant and non-compliant cases of `vigil.rds.cluster-encrypted`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.rds.cluster-encrypted",
    name: "StorageEncrypted true",
    asset: rdsCluster(),
    expect: "pass",
  },
  {
    check: "vigil.rds.cluster-encrypted",
    name: "StorageEncrypted false",
    asset: rdsCluster({ StorageEncrypted: false, KmsKeyId: undefined }),
    expect: "fail",
  },
];
