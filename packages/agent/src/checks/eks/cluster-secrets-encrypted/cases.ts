import type { CheckCase } from "../../_cases/case.ts";
import { cluster } from "../../_cases/compute.ts";

/** Compliant and non-compliant cases of `vigil.eks.cluster-secrets-encrypted`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.eks.cluster-secrets-encrypted",
    name: "secrets encrypted",
    asset: cluster(),
    expect: "pass",
  },
  {
    check: "vigil.eks.cluster-secrets-encrypted",
    name: "no encryptionConfig",
    asset: cluster({ encryptionConfig: undefined }),
    expect: "fail",
  },
];
