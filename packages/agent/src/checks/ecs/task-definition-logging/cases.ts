import type { CheckCase } from "../../_cases/case.ts";
import { task } from "../../_cases/ecs.ts";

/** Compliant and non-compliant cases of `vigil.ecs.task-definition-logging`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.ecs.task-definition-logging", name: "awslogs", asset: task(), expect: "pass" },
  {
    check: "vigil.ecs.task-definition-logging",
    name: "no logConfiguration",
    asset: task({}, { logConfiguration: undefined }),
    expect: "fail",
  },
];
