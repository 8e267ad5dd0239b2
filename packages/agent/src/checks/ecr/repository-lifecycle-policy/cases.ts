import type { CheckCase } from "../../_cases/case.ts";
import { NO_LIFECYCLE, repository } from "../../_cases/ecr.ts";

/** Compliant and non-compliant cases of `vigil.ecr.repository-lifecycle-policy`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.ecr.repository-lifecycle-policy",
    name: "expire untagged after 14 days",
    asset: repository(),
    expect: "pass",
  },
  {
    check: "vigil.ecr.repository-lifecycle-policy",
    name: "LifecyclePolicyNotFoundException",
    asset: repository({}, { lifecycle: NO_LIFECYCLE }),
    expect: "fail",
  },
];
