import type { CheckCase } from "../../_cases/case.ts";
import { ENHANCED_TEAM, NOT_ON_PUSH, repository } from "../../_cases/ecr.ts";

/** Compliant and non-compliant cases of `vigil.ecr.repository-image-scanning`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.ecr.repository-image-scanning", name: "scanOnPush", asset: repository(), expect: "pass" },
  {
    check: "vigil.ecr.repository-image-scanning",
    name: "no scanOnPush, enhanced continuous scanning rule team/*",
    asset: repository(NOT_ON_PUSH, { registry: ENHANCED_TEAM }),
    expect: "pass",
  },
  {
    check: "vigil.ecr.repository-image-scanning",
    name: "no scanOnPush, enhanced rule for another prefix",
    asset: repository({ ...NOT_ON_PUSH, repositoryName: "ops/batch" }, { registry: ENHANCED_TEAM }),
    expect: "fail",
  },
  {
    check: "vigil.ecr.repository-image-scanning",
    name: "no scanOnPush, basic scanning without rules",
    asset: repository(NOT_ON_PUSH),
    expect: "fail",
  },
];
