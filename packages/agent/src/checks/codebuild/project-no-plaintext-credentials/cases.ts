import type { CheckCase } from "../../_cases/case.ts";
import { environment, project } from "../../_cases/codebuild.ts";

/** Compliant and non-compliant cases of `vigil.codebuild.project-no-plaintext-credentials`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.codebuild.project-no-plaintext-credentials",
    name: "AWS_SECRET_ACCESS_KEY from Secrets Manager",
    asset: project(),
    expect: "pass",
  },
  {
    check: "vigil.codebuild.project-no-plaintext-credentials",
    name: "AWS_ACCESS_KEY_ID as PLAINTEXT",
    asset: environment({
      environmentVariables: [{ name: "AWS_ACCESS_KEY_ID", value: "AKIAIOSFODNN7EXAMPLE", type: "PLAINTEXT" }],
    }),
    expect: "fail",
  },
];
