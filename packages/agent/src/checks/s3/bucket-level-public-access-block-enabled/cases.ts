import type { CheckCase } from "../../_cases/case.ts";
import { good } from "../../_cases/s3.ts";

/** Compliant and non-compliant cases of `vigil.s3.bucket-level-public-access-block-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.s3.bucket-level-public-access-block-enabled",
    name: "all four on",
    asset: good(),
    expect: "pass",
  },
  {
    check: "vigil.s3.bucket-level-public-access-block-enabled",
    name: "NoSuchPublicAccessBlockConfiguration",
    asset: good({ publicAccessBlock: undefined }),
    expect: "fail",
  },
];
