import type { CheckCase } from "../../_cases/case.ts";
import { HOST, task } from "../../_cases/ecs.ts";

/** Compliant and non-compliant cases of `vigil.ecs.task-definition-no-host-pid`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.ecs.task-definition-no-host-pid", name: "no pidMode", asset: task(), expect: "pass" },
  {
    check: "vigil.ecs.task-definition-no-host-pid",
    name: "pidMode host",
    asset: task({ ...HOST, pidMode: "host" }),
    expect: "fail",
  },
];
