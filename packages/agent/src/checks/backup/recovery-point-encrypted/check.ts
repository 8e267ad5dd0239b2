import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("the recovery point is encrypted at rest");
const OFF = fail("the recovery point is not encrypted at rest");
export const recoveryPointEncrypted = defineCheck({
  id: "vigil.backup.recovery-point-encrypted",
  title: "AWS Backup recovery points should be encrypted at rest",
  severity: "medium",
  resourceType: "aws.backup.recovery-point",
  reads: ["isEncrypted"],
  rationale:
    "A backup holds the same data as its source; an unencrypted recovery point can be read by anyone who can reach the vault's storage or copy it.",
  remediation:
    "Recovery points cannot be encrypted in place: copy it to an encrypted vault (aws backup start-copy-job --recovery-point-arn <arn> --source-backup-vault-name <vault> --destination-backup-vault-arn <encrypted-vault-arn> --iam-role-arn <role-arn>), then delete the unencrypted one.",
  references: ["https://docs.aws.amazon.com/securityhub/latest/userguide/backup-controls.html#backup-1"],
  mappings: { cis: [], fsbp: ["Backup.1"] },
  evaluate: (asset) => (asset.config.isEncrypted ? ON : OFF),
});
