import type { CheckCase } from "../../_cases/case.ts";
import { good } from "../../_cases/s3.ts";

/** Compliant and non-compliant cases of `vigil.s3.bucket-versioning-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.s3.bucket-versioning-enabled", name: "Enabled", asset: good(), expect: "pass" },
  {
    check: "vigil.s3.bucket-versioning-enabled",
    name: "Suspended",
    asset: good({ versioning: { Status: "Suspended", MFADelete: "Disabled" } }),
    expect: "fail",
    evidence: /suspended/,
  },
  {
    check: "vigil.s3.bucket-versioning-enabled",
    name: "never enabled ({})",
    asset: good({ versioning: {} }),
    expect: "fail",
  },
];
