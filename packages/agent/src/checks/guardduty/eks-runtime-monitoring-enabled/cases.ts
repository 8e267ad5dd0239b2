import type { CheckCase } from "../../_cases/case.ts";
import {
  EKS_RUNTIME_LEGACY,
  guardDuty,
  manualAgentCase,
  protectionCases,
} from "../../_cases/security-services.ts";

/** Compliant and non-compliant cases of `vigil.guardduty.eks-runtime-monitoring-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  ...protectionCases("vigil.guardduty.eks-runtime-monitoring-enabled"),
  manualAgentCase("vigil.guardduty.eks-runtime-monitoring-enabled"),
  {
    check: "vigil.guardduty.eks-runtime-monitoring-enabled",
    name: "EKS_RUNTIME_MONITORING with EKS_ADDON_MANAGEMENT",
    asset: guardDuty(EKS_RUNTIME_LEGACY),
    expect: "pass",
  },
];
