import type { CheckCase } from "../../_cases/case.ts";
import { daxCluster } from "../../_cases/dax-connect.ts";

const check = "vigil.dax.cluster-encrypted-in-transit";

/** Compliant and non-compliant cases of `vigil.dax.cluster-encrypted-in-transit`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check, name: "TLS endpoint", asset: daxCluster(), expect: "pass" },
  {
    check,
    name: "NONE",
    asset: daxCluster({ ClusterEndpointEncryptionType: "NONE" }),
    expect: "fail",
    evidence: /NONE/,
  },
  {
    check,
    name: "created before encryption in transit (no value)",
    asset: daxCluster({ ClusterEndpointEncryptionType: undefined }),
    expect: "fail",
  },
];
