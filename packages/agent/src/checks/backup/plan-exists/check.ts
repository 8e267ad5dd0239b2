import { defineCheck, fail, pass } from "../../check.ts";

export const planExists = defineCheck({
  id: "vigil.backup.plan-exists",
  title: "AWS Backup should have at least one backup plan where it has vaults",
  severity: "low",
  resourceType: "aws.backup.account-settings",
  reads: ["backupPlans", "backupVaults"],
  rationale:
    "A vault without a backup plan holds only what someone remembered to back up by hand; a plan takes backups on a schedule and keeps them as long as the rules say.",
  remediation:
    "aws backup create-backup-plan --backup-plan file://plan.json (a rule with a schedule and lifecycle), then aws backup create-backup-selection to assign resources",
  references: ["https://docs.aws.amazon.com/aws-backup/latest/devguide/about-backup-plans.html"],
  mappings: { cis: [], fsbp: [] },
  // A region where Backup is not used at all (no plan, no vault) has nothing to judge.
  evaluate: ({ config: { backupPlans, backupVaults } }) =>
    backupPlans > 0
      ? pass(`${backupPlans} backup plan(s) exist in this region`)
      : backupVaults > 0
        ? fail("backup vaults exist but no backup plan does")
        : undefined,
});
