export {
  builtInPolicies,
  type CheckSelection,
  checkSelectionSchema,
  indexActiveMutes,
  isMuteActive,
  type Mute,
  muteMatches,
  muteSchema,
  type Policy,
  type SelectionResult,
  selectChecks,
} from "../policies/index.ts";
export { type BenchEvaluateOptions, type BenchEvaluateResult, benchEvaluate } from "./bench.ts";
export { CATALOGUE } from "./catalogue.ts";
export {
  type AnyCheck,
  type Check,
  type CheckContext,
  type CheckEntry,
  type CheckMappings,
  type CheckMetadata,
  type CheckOutcome,
  defineCheck,
  fail,
  pass,
  SEVERITIES,
  type Severity,
} from "./check.ts";
export { CHECK_INDEX } from "./check-index.ts";
export {
  type AssetReport,
  type CheckResult,
  CheckSelectionError,
  type EvaluateOptions,
  type EvaluationPlan,
  emptySummary,
  evaluateAsset,
  guardedAsset,
  type PlanOptions,
  type ResultStatus,
  type ScanReport,
  type ScanSummary,
  UnreadFieldError,
} from "./evaluate.ts";
export { evaluate, planEvaluation } from "./full.ts";
export { checksFor } from "./load.ts";

import { CATALOGUE } from "./catalogue.ts";
import type { AnyCheck } from "./check.ts";

const BY_ID: ReadonlyMap<string, AnyCheck> = new Map(CATALOGUE.map((c) => [c.id, c]));

/** The catalogue entry for a check id (metadata for reports: CIS numbers, remediation, ...). */
export function checkById(id: string): AnyCheck | undefined {
  return BY_ID.get(id);
}
