/**
 * Evaluation over every check (the CLI, the in-process scan, tests). The deployed agent does not
 * import this module: a shard plans over the checks of its own services (`./load.ts`), so the
 * Lambda's cold start holds no check's code or text.
 */
import type { Asset } from "../assets/index.ts";
import { CATALOGUE } from "./catalogue.ts";
import {
  type EvaluateOptions,
  type EvaluationPlan,
  evaluate as evaluateOver,
  planEvaluation as planOver,
  type ScanReport,
} from "./evaluate.ts";

/** Resolves the selection and mutes once; throws `CheckSelectionError` for unknown policy or check ids. */
export function planEvaluation(options: EvaluateOptions): EvaluationPlan {
  return planOver({ ...options, catalogue: options.catalogue ?? CATALOGUE });
}

/** Assesses assets against the selected checks of the catalogue (or `options.catalogue`). */
export function evaluate(assets: Iterable<Asset>, options: EvaluateOptions): ScanReport {
  return evaluateOver(assets, { ...options, catalogue: options.catalogue ?? CATALOGUE });
}
