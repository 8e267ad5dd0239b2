import type { CheckCase } from "../../_cases/case.ts";
import { manualAgentCase, protectionCases } from "../../_cases/security-services.ts";

/** Compliant and non-compliant cases of `vigil.guardduty.ecs-runtime-monitoring-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  ...protectionCases("vigil.guardduty.ecs-runtime-monitoring-enabled"),
  manualAgentCase("vigil.guardduty.ecs-runtime-monitoring-enabled"),
];
