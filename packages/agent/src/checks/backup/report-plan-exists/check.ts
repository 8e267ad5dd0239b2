import { defineCheck, fail, pass } from "../../check.ts";

export const reportPlanExists = defineCheck({
  id: "vigil.backup.report-plan-exists",
  title: "AWS Backup should have a report plan where it has backup plans",
  severity: "low",
  resourceType: "aws.backup.account-settings",
  reads: ["backupPlans", "reportPlans"],
  rationale:
    "Backup Audit Manager report plans report daily on backup and restore jobs and on compliance with the plans, so failed backups are noticed before a restore is needed.",
  remediation:
    "aws backup create-report-plan --report-plan-name <name> --report-delivery-channel S3BucketName=<bucket> --report-setting ReportTemplate=BACKUP_JOB_REPORT",
  references: ["https://docs.aws.amazon.com/aws-backup/latest/devguide/create-report-plan-console.html"],
  mappings: { cis: [], fsbp: [] },
  // Without backup plans there are no jobs to report on.
  evaluate: ({ config: { backupPlans, reportPlans } }) =>
    backupPlans === 0
      ? undefined
      : reportPlans > 0
        ? pass(`${reportPlans} report plan(s) exist in this region`)
        : fail("backup plans exist but no report plan does"),
});
