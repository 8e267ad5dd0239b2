import { defineCheck, fail, pass } from "../../check.ts";

/** The logs AWS Config's mariadb-publish-logs-to-cloudwatch-logs (FSBP RDS.42) checks by default. */
const REQUIRED = ["error", "audit"] as const;

export const rdsMariadbLogsToCloudwatch = defineCheck({
  id: "vigil.rds.mariadb-logs-to-cloudwatch",
  title: "RDS for MariaDB DB instances should publish logs to CloudWatch Logs",
  severity: "medium",
  resourceType: "aws.rds.instance",
  reads: ["engine", "cloudwatchLogsExports"],
  rationale:
    "MariaDB's audit log records who connected and what they ran, its error log failed logins and crashes; on the instance they rotate away within a day and die with it, in CloudWatch Logs they can be kept, searched and alarmed on.",
  remediation:
    'aws rds modify-db-instance --db-instance-identifier <id> --cloudwatch-logs-export-configuration \'{"EnableLogTypes":["error","audit"]}\' --apply-immediately (the audit log needs an option group with MARIADB_AUDIT_PLUGIN; console: RDS > Databases > Modify > Log exports)',
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-42",
    "https://docs.aws.amazon.com/config/latest/developerguide/mariadb-publish-logs-to-cloudwatch-logs.html",
  ],
  mappings: { cis: [], fsbp: ["RDS.42"] },
  evaluate: (asset) => {
    if (asset.config.engine !== "mariadb") return undefined;
    const missing = REQUIRED.filter((log) => !asset.config.cloudwatchLogsExports.includes(log));
    return missing.length === 0
      ? pass("publishes its error and audit logs to CloudWatch Logs")
      : fail(`does not publish ${missing.join(", ")} to CloudWatch Logs`);
  },
});
