import type { CheckCase } from "../../_cases/case.ts";
import { t } from "../../_cases/logging.ts";

/** Compliant and non-compliant cases of `vigil.cloudtrail.trail-kms-encrypted`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.cloudtrail.trail-kms-encrypted", name: "KmsKeyId", asset: t(), expect: "pass" },
  {
    check: "vigil.cloudtrail.trail-kms-encrypted",
    name: "SSE-S3 only",
    asset: t({ KmsKeyId: undefined }),
    expect: "fail",
  },
];
