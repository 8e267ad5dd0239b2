import { defineCheck, fail, pass } from "../../check.ts";

/** Security Hub's default `MinRetentionPeriod` for Redshift.3. */
const MIN_DAYS = 7;
export const redshiftClusterAutomatedSnapshots = defineCheck({
  id: "vigil.redshift.cluster-automated-snapshots",
  title: "Amazon Redshift clusters should have automatic snapshots enabled",
  severity: "medium",
  resourceType: "aws.redshift.cluster",
  reads: ["automatedSnapshotRetentionPeriod"],
  rationale:
    "Automated snapshots kept for at least a week let a cluster be restored after an accidental or malicious deletion of data, or a failed change.",
  remediation:
    "aws redshift modify-cluster --cluster-identifier <id> --automated-snapshot-retention-period 7",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-3",
    "https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-snapshots.html",
  ],
  mappings: { cis: [], fsbp: ["Redshift.3"] },
  evaluate: (asset) => {
    const days = asset.config.automatedSnapshotRetentionPeriod;
    if (days >= MIN_DAYS) return pass(`automated snapshots kept ${days} days`);
    return fail(
      days === 0
        ? "automated snapshots are off"
        : `automated snapshots kept ${days} days, fewer than ${MIN_DAYS}`,
    );
  },
});
