import type { CheckCase } from "../../_cases/case.ts";
import { HOST, task } from "../../_cases/ecs.ts";

/** Compliant and non-compliant cases of `vigil.ecs.task-definition-no-privileged`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.ecs.task-definition-no-privileged",
    name: "privileged false",
    asset: task(),
    expect: "pass",
  },
  {
    check: "vigil.ecs.task-definition-no-privileged",
    name: "privileged true",
    asset: task(HOST, { privileged: true }),
    expect: "fail",
    evidence: /api/,
  },
];
