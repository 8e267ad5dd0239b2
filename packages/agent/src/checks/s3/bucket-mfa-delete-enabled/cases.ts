import type { CheckCase } from "../../_cases/case.ts";
import { good } from "../../_cases/s3.ts";

/** Compliant and non-compliant cases of `vigil.s3.bucket-mfa-delete-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.s3.bucket-mfa-delete-enabled", name: "MFADelete Enabled", asset: good(), expect: "pass" },
  {
    check: "vigil.s3.bucket-mfa-delete-enabled",
    name: "MFADelete Disabled",
    asset: good({ versioning: { Status: "Enabled", MFADelete: "Disabled" } }),
    expect: "fail",
  },
];
