import type { CheckCase } from "../../_cases/case.ts";
import { cluster } from "../../_cases/compute.ts";

/** Compliant and non-compliant cases of `vigil.eks.cluster-endpoint-not-public`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.eks.cluster-endpoint-not-public",
    name: "private endpoint",
    asset: cluster(),
    expect: "pass",
  },
  {
    check: "vigil.eks.cluster-endpoint-not-public",
    name: "public to 0.0.0.0/0",
    asset: cluster({ resourcesVpcConfig: { endpointPublicAccess: true, publicAccessCidrs: ["0.0.0.0/0"] } }),
    expect: "fail",
    evidence: /0\.0\.0\.0\/0/,
  },
];
