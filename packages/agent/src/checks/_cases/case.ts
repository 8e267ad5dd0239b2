/**
 * A check's cases: assets built from AWS's answers (typed with the SDK's output shapes) through the
 * collector's own mapper, and what the check must decide on each. Every check folder has a
 * `cases.ts` with at least one compliant and one non-compliant case (tests/checks/cases.unit.test.ts
 * runs them; the catalogue test fails on a folder without them). Test data only: no Lambda bundle
 * imports this folder or a `cases.ts` (tested in infra's build-budget test).
 */
import type { Asset } from "../../assets/index.ts";

/** One row of a table-driven check test: an asset built from AWS response shapes and what the check must decide. */
export interface CheckCase {
  readonly check: string;
  readonly name: string;
  readonly asset: Asset;
  /**
   * `n/a`: the check must not report on this asset. `error`: a field it reads could not be read
   * (the asset's `unread`), so the evaluator reports it not assessed, never a verdict.
   */
  readonly expect: "pass" | "fail" | "n/a" | "error";
  /** When set, the evidence must match. */
  readonly evidence?: RegExp;
  readonly now?: string;
}

/** The cases of one check out of a family's (checks that share a builder, e.g. DocumentDB's and Neptune's). */
export function casesOf(check: string, family: readonly CheckCase[]): CheckCase[] {
  const mine = family.filter((c) => c.check === check);
  if (mine.length === 0) throw new Error(`the family holds no case of ${check}`);
  return mine;
}
