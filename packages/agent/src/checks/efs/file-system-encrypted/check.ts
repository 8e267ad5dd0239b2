import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("the file system is encrypted");
const OFF = fail("the file system is not encrypted");
export const fileSystemEncrypted = defineCheck({
  id: "vigil.efs.file-system-encrypted",
  title: "EFS file systems should be encrypted at rest",
  severity: "medium",
  resourceType: "aws.efs.file-system",
  reads: ["encrypted"],
  rationale:
    "Unencrypted file systems expose their data to anyone with access to the underlying storage or backups.",
  remediation:
    "Encryption is set at creation: create an encrypted file system (--encrypted --kms-key-id <key>), copy the data with AWS DataSync and switch mounts.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/efs-controls.html#efs-1",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["2.3.1"], fsbp: ["EFS.1", "EFS.8"] },
  evaluate: (asset) => (asset.config.encrypted ? ON : OFF),
});
