import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("the vault encrypts its backups with a KMS key");
const OFF = fail("the vault names no KMS encryption key");
export const vaultEncrypted = defineCheck({
  id: "vigil.backup.vault-encrypted",
  title: "AWS Backup vaults should encrypt backups with a KMS key",
  severity: "medium",
  resourceType: "aws.backup.vault",
  reads: ["encryptionKeyArn"],
  rationale:
    "A vault's KMS key encrypts the backups of services without their own encryption; with a customer managed key, who may restore them is decided by its key policy too.",
  remediation:
    "A vault's key cannot be changed: create one with a key (aws backup create-backup-vault --backup-vault-name <name> --encryption-key-arn <kms-key-arn>) and point the backup plans at it.",
  references: ["https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html"],
  mappings: { cis: [], fsbp: [] },
  evaluate: (asset) => (asset.config.encryptionKeyArn !== null ? ON : OFF),
});
