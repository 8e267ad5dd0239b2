import { defineCheck, fail, pass } from "../../check.ts";

/**
 * The logs each engine should publish, as AWS Config's rds-logging-enabled (FSBP RDS.9) wants them.
 * Aurora, DocumentDB and Neptune publish per cluster, not per instance: not decided here.
 */
const REQUIRED_LOGS: readonly [RegExp, readonly string[]][] = [
  [/^postgres$/, ["postgresql", "upgrade"]],
  [/^(mysql|mariadb)$/, ["audit", "error", "general", "slowquery"]],
  [/^oracle-/, ["alert", "audit", "trace", "listener"]],
  [/^sqlserver-/, ["error", "agent"]],
  [/^db2-/, ["diag.log", "notify.log"]],
];

export function requiredLogsOf(engine: string): readonly string[] | undefined {
  return REQUIRED_LOGS.find(([pattern]) => pattern.test(engine))?.[1];
}

export const rdsInstanceLogsToCloudwatch = defineCheck({
  id: "vigil.rds.instance-logs-to-cloudwatch",
  title: "RDS DB instances should publish logs to CloudWatch Logs",
  severity: "medium",
  resourceType: "aws.rds.instance",
  reads: ["engine", "cloudwatchLogsExports"],
  rationale:
    "Database logs kept only on the instance are lost with it and cannot be searched or alarmed on; in CloudWatch Logs they outlive the instance and feed the account's monitoring.",
  remediation:
    'aws rds modify-db-instance --db-instance-identifier <id> --cloudwatch-logs-export-configuration \'{"EnableLogTypes":["<log>", …]}\' --apply-immediately (MySQL/MariaDB audit logs need the MARIADB_AUDIT_PLUGIN option; console: RDS > Databases > Modify > Log exports).',
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-9",
    "https://docs.aws.amazon.com/config/latest/developerguide/rds-logging-enabled.html",
  ],
  mappings: { cis: [], fsbp: ["RDS.9"] },
  evaluate: (asset) => {
    const { engine, cloudwatchLogsExports } = asset.config;
    const required = requiredLogsOf(engine);
    if (required === undefined) return undefined;
    const missing = required.filter((log) => !cloudwatchLogsExports.includes(log));
    return missing.length === 0
      ? pass(`publishes ${required.join(", ")} to CloudWatch Logs`)
      : fail(`does not publish ${missing.join(", ")} to CloudWatch Logs`);
  },
});
