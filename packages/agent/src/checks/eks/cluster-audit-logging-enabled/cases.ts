import type { CheckCase } from "../../_cases/case.ts";
import { cluster } from "../../_cases/compute.ts";

/** Compliant and non-compliant cases of `vigil.eks.cluster-audit-logging-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.eks.cluster-audit-logging-enabled", name: "audit on", asset: cluster(), expect: "pass" },
  {
    check: "vigil.eks.cluster-audit-logging-enabled",
    name: "audit listed but disabled",
    asset: cluster({ logging: { clusterLogging: [{ types: ["audit"], enabled: false }] } }),
    expect: "fail",
  },
];
