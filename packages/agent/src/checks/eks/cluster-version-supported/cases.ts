import type { CheckCase } from "../../_cases/case.ts";
import { cluster } from "../../_cases/compute.ts";

/** Compliant and non-compliant cases of `vigil.eks.cluster-version-supported`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.eks.cluster-version-supported", name: "1.31", asset: cluster(), expect: "pass" },
  {
    check: "vigil.eks.cluster-version-supported",
    name: "a future 1.40",
    asset: cluster({ version: "1.40" }),
    expect: "pass",
  },
  {
    check: "vigil.eks.cluster-version-supported",
    name: "1.24",
    asset: cluster({ version: "1.24" }),
    expect: "fail",
    evidence: /2025-01-31/,
  },
  {
    check: "vigil.eks.cluster-version-supported",
    name: "1.21",
    asset: cluster({ version: "1.21" }),
    expect: "fail",
  },
];
