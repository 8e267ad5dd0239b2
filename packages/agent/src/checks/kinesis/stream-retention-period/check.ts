import { defineCheck, fail, pass } from "../../check.ts";

/** Security Hub's default for Kinesis.3 (`minimumBackupRetentionPeriod`): seven days. */
const MIN_HOURS = 168;
export const streamRetentionPeriod = defineCheck({
  id: "vigil.kinesis.stream-retention-period",
  title: "Kinesis streams should have an adequate data retention period",
  severity: "medium",
  resourceType: "aws.kinesis.stream",
  reads: ["retentionPeriodHours"],
  rationale:
    "Records older than the retention period are gone: a consumer that fails for longer than a day (the default) loses data it never read.",
  remediation: `aws kinesis increase-stream-retention-period --stream-name <name> --retention-period-hours ${MIN_HOURS}`,
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/kinesis-controls.html#kinesis-3",
    "https://docs.aws.amazon.com/streams/latest/dev/kinesis-extended-retention.html",
  ],
  mappings: { cis: [], fsbp: ["Kinesis.3"] },
  evaluate: (asset) => {
    const hours = asset.config.retentionPeriodHours;
    return hours >= MIN_HOURS
      ? pass(`records kept ${hours} hours`)
      : fail(`records kept ${hours} hours, under ${MIN_HOURS}`);
  },
});
