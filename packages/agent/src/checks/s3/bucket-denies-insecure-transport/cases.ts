import type { CheckCase } from "../../_cases/case.ts";
import { CLOUDFRONT_ONLY, good, TLS_ONLY } from "../../_cases/s3.ts";

/** Compliant and non-compliant cases of `vigil.s3.bucket-denies-insecure-transport`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.s3.bucket-denies-insecure-transport",
    name: "TLS-only policy",
    asset: good(),
    expect: "pass",
  },
  {
    check: "vigil.s3.bucket-denies-insecure-transport",
    name: "Bool as JSON boolean",
    asset: good({ policy: TLS_ONLY.replace('"false"', "false") }),
    expect: "pass",
  },
  {
    check: "vigil.s3.bucket-denies-insecure-transport",
    name: "NoSuchBucketPolicy",
    asset: good({ policy: undefined }),
    expect: "fail",
    evidence: /no policy/,
  },
  {
    check: "vigil.s3.bucket-denies-insecure-transport",
    name: "policy without the deny",
    asset: good({ policy: CLOUDFRONT_ONLY }),
    expect: "fail",
  },
];
