import type { CheckCase } from "../../_cases/case.ts";
import { HOST, task } from "../../_cases/ecs.ts";

/** Compliant and non-compliant cases of `vigil.ecs.task-definition-host-network-user`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.ecs.task-definition-host-network-user",
    name: "awsvpc",
    asset: task(),
    expect: "pass",
  },
  {
    check: "vigil.ecs.task-definition-host-network-user",
    name: "host network, user 1000",
    asset: task(HOST),
    expect: "pass",
  },
  {
    check: "vigil.ecs.task-definition-host-network-user",
    name: "host network, no user",
    asset: task(HOST, { user: undefined }),
    expect: "fail",
    evidence: /api/,
  },
  {
    check: "vigil.ecs.task-definition-host-network-user",
    name: "host network, user root",
    asset: task(HOST, { user: "root" }),
    expect: "fail",
  },
];
