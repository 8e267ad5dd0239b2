import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("the trail encrypts logs with a KMS key");
const OFF = fail("the trail has no KmsKeyId");
export const trailKmsEncrypted = defineCheck({
  id: "vigil.cloudtrail.trail-kms-encrypted",
  title: "CloudTrail logs should be encrypted at rest with a KMS key",
  severity: "medium",
  resourceType: "aws.cloudtrail.trail",
  reads: ["kmsKeyId"],
  rationale:
    "SSE-KMS adds a second permission (kms:Decrypt) between readers of the log bucket and the logs, and records every decryption.",
  remediation:
    "aws cloudtrail update-trail --name <trail> --kms-key-id <key-arn> (the key policy must allow CloudTrail to encrypt).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-2",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["3.5"], fsbp: ["CloudTrail.2"] },
  evaluate: (asset) => (asset.config.kmsKeyId ? ON : OFF),
});
