import type { CheckCase } from "../../_cases/case.ts";
import { task } from "../../_cases/ecs.ts";

/** Compliant and non-compliant cases of `vigil.ecs.task-definition-no-environment-secrets`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.ecs.task-definition-no-environment-secrets",
    name: "secrets from Secrets Manager",
    asset: task(),
    expect: "pass",
  },
  {
    check: "vigil.ecs.task-definition-no-environment-secrets",
    name: "AWS_SECRET_ACCESS_KEY in environment",
    asset: task(
      {},
      {
        environment: [
          { name: "PORT", value: "8080" },
          { name: "AWS_SECRET_ACCESS_KEY", value: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
        ],
      },
    ),
    expect: "fail",
    evidence: /AWS_SECRET_ACCESS_KEY/,
  },
];
