import type { CheckCase } from "../../_cases/case.ts";
import { inspectorCases } from "../../_cases/security-services.ts";

/** Compliant and non-compliant cases of `vigil.inspector2.lambda-code-scanning-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = inspectorCases(
  "vigil.inspector2.lambda-code-scanning-enabled",
  "lambdaCode",
);
