import type { CheckCase } from "../../_cases/case.ts";
import { task } from "../../_cases/ecs.ts";

/** Compliant and non-compliant cases of `vigil.ecs.task-definition-read-only-root`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.ecs.task-definition-read-only-root",
    name: "readonlyRootFilesystem true",
    asset: task(),
    expect: "pass",
  },
  {
    check: "vigil.ecs.task-definition-read-only-root",
    name: "readonlyRootFilesystem absent",
    asset: task({}, { readonlyRootFilesystem: undefined }),
    expect: "fail",
  },
];
