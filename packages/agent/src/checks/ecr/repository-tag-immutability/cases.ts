import type { CheckCase } from "../../_cases/case.ts";
import { repository } from "../../_cases/ecr.ts";

/** Compliant and non-compliant cases of `vigil.ecr.repository-tag-immutability`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.ecr.repository-tag-immutability",
    name: "IMMUTABLE",
    asset: repository(),
    expect: "pass",
  },
  {
    check: "vigil.ecr.repository-tag-immutability",
    name: "IMMUTABLE_WITH_EXCLUSION",
    asset: repository({ imageTagMutability: "IMMUTABLE_WITH_EXCLUSION" }),
    expect: "pass",
  },
  {
    check: "vigil.ecr.repository-tag-immutability",
    name: "MUTABLE",
    asset: repository({ imageTagMutability: "MUTABLE" }),
    expect: "fail",
  },
];
