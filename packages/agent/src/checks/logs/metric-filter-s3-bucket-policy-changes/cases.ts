import type { CheckCase } from "../../_cases/case.ts";
import { monitoringCases } from "../../_cases/logging.ts";

/** Compliant and non-compliant cases of `vigil.logs.metric-filter-s3-bucket-policy-changes`: its pattern's filter and alarm present, every other pattern but its own. */
export const cases: CheckCase[] = monitoringCases("s3-bucket-policy-changes");
