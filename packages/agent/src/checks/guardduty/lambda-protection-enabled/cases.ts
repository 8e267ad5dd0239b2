import type { CheckCase } from "../../_cases/case.ts";
import { protectionCases } from "../../_cases/security-services.ts";

/** Compliant and non-compliant cases of `vigil.guardduty.lambda-protection-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = protectionCases("vigil.guardduty.lambda-protection-enabled");
