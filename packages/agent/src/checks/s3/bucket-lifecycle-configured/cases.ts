import type { CheckCase } from "../../_cases/case.ts";
import { EXPIRE_OLD_VERSIONS, good } from "../../_cases/s3.ts";

const check = "vigil.s3.bucket-lifecycle-configured";

/** Compliant and non-compliant cases of `vigil.s3.bucket-lifecycle-configured`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check, name: "an enabled rule", asset: good(), expect: "pass", evidence: /1 lifecycle rule is enabled/ },
  {
    check,
    name: "NoSuchLifecycleConfiguration",
    asset: good({ lifecycle: undefined }),
    expect: "fail",
    evidence: /no enabled lifecycle rule/,
  },
  {
    check,
    name: "only a disabled rule",
    asset: good({ lifecycle: { Rules: [{ ...EXPIRE_OLD_VERSIONS, Status: "Disabled" }] } }),
    expect: "fail",
  },
];
