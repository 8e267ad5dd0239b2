import type { CheckCase } from "../../_cases/case.ts";
import { manualAgentCase, protectionCases } from "../../_cases/security-services.ts";

/** Compliant and non-compliant cases of `vigil.guardduty.ec2-runtime-monitoring-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  ...protectionCases("vigil.guardduty.ec2-runtime-monitoring-enabled"),
  manualAgentCase("vigil.guardduty.ec2-runtime-monitoring-enabled"),
];
