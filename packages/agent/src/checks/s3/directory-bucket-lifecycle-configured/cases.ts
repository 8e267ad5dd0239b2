import type { CheckCase } from "../../_cases/case.ts";
import { directoryBucket, EXPIRE_SCRATCH } from "../../_cases/s3-directory-buckets.ts";

const check = "vigil.s3.directory-bucket-lifecycle-configured";

/** Compliant and non-compliant cases of `vigil.s3.directory-bucket-lifecycle-configured`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check,
    name: "an enabled expiration rule",
    asset: directoryBucket({ Rules: [EXPIRE_SCRATCH] }),
    expect: "pass",
    evidence: /1 lifecycle rule is enabled/,
  },
  {
    check,
    name: "NoSuchLifecycleConfiguration",
    asset: directoryBucket(),
    expect: "fail",
    evidence: /no enabled lifecycle rule/,
  },
  {
    check,
    name: "only a disabled rule",
    asset: directoryBucket({ Rules: [{ ...EXPIRE_SCRATCH, Status: "Disabled" }] }),
    expect: "fail",
  },
];
