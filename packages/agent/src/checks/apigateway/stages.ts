import type { CheckOutcome } from "../check.ts";

/** A verdict over every stage of an API: none when it has no stage (nothing serves requests). */
export function everyStage<S>(
  stages: readonly S[],
  ok: (stage: S) => boolean,
  pass: CheckOutcome,
  fail: CheckOutcome,
): CheckOutcome | undefined {
  if (stages.length === 0) return undefined;
  return stages.every(ok) ? pass : fail;
}
