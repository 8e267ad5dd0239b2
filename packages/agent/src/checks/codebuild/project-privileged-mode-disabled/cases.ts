import type { CheckCase } from "../../_cases/case.ts";
import { environment, project } from "../../_cases/codebuild.ts";

/** Compliant and non-compliant cases of `vigil.codebuild.project-privileged-mode-disabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.codebuild.project-privileged-mode-disabled",
    name: "privilegedMode false",
    asset: project(),
    expect: "pass",
  },
  {
    check: "vigil.codebuild.project-privileged-mode-disabled",
    name: "privilegedMode true",
    asset: environment({ privilegedMode: true }),
    expect: "fail",
  },
];
