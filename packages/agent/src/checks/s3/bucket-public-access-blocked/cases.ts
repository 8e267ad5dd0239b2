import type { CheckCase } from "../../_cases/case.ts";
import { good, PARTLY_BLOCKED } from "../../_cases/s3.ts";

/** Compliant and non-compliant cases of `vigil.s3.bucket-public-access-blocked`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.s3.bucket-public-access-blocked",
    name: "account-level block only",
    asset: good({ publicAccessBlock: undefined }),
    expect: "pass",
    evidence: /account/,
  },
  {
    check: "vigil.s3.bucket-public-access-blocked",
    name: "bucket-level block only",
    asset: good({ accountPublicAccessBlock: undefined }),
    expect: "pass",
  },
  {
    check: "vigil.s3.bucket-public-access-blocked",
    name: "bucket partly blocked, no account block",
    asset: good({ publicAccessBlock: PARTLY_BLOCKED, accountPublicAccessBlock: undefined }),
    expect: "fail",
  },
];
