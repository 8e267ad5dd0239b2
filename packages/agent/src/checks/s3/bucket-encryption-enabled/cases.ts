import type { CheckCase } from "../../_cases/case.ts";
import { good } from "../../_cases/s3.ts";

/** Compliant and non-compliant cases of `vigil.s3.bucket-encryption-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.s3.bucket-encryption-enabled", name: "SSE-KMS", asset: good(), expect: "pass" },
  {
    check: "vigil.s3.bucket-encryption-enabled",
    name: "SSE-S3",
    asset: good({
      encryption: {
        ServerSideEncryptionConfiguration: {
          Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
        },
      },
    }),
    expect: "pass",
    evidence: /AES256/,
  },
  {
    check: "vigil.s3.bucket-encryption-enabled",
    name: "ServerSideEncryptionConfigurationNotFoundError",
    asset: good({ encryption: undefined }),
    expect: "fail",
  },
];
