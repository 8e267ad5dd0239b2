import { defineCheck, fail, pass } from "../../check.ts";

const ENCRYPTED = pass("StorageEncrypted is true");
const PLAIN = fail("StorageEncrypted is false");
export const rdsInstanceEncrypted = defineCheck({
  id: "vigil.rds.instance-storage-encrypted",
  title: "RDS DB instances should be encrypted at rest",
  severity: "medium",
  resourceType: "aws.rds.instance",
  reads: ["storageEncrypted"],
  rationale:
    "Unencrypted storage, its automated backups and snapshots expose the data to anyone who can copy them.",
  remediation:
    "Encryption cannot be turned on in place: snapshot the instance, copy the snapshot with a KMS key, restore from the encrypted copy and switch over.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-3",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["2.2.1"], fsbp: ["RDS.3"] },
  evaluate: (asset) => (asset.config.storageEncrypted ? ENCRYPTED : PLAIN),
});
