import { defineCheck, fail, pass } from "../../check.ts";

/** The engines of RDS for SQL Server (Enterprise, Standard, Express, Web). */
export const isSqlServer = (engine: string) => engine.startsWith("sqlserver-");

export const rdsSqlServerLogsToCloudwatch = defineCheck({
  id: "vigil.rds.sqlserver-logs-to-cloudwatch",
  title: "RDS for SQL Server DB instances should publish logs to CloudWatch Logs",
  severity: "medium",
  resourceType: "aws.rds.instance",
  reads: ["engine", "cloudwatchLogsExports"],
  rationale:
    "SQL Server's error and agent logs record failed logins, errors and job activity; kept only on the instance they rotate away and are lost with it, in CloudWatch Logs they can be kept, searched and alarmed on.",
  remediation:
    'aws rds modify-db-instance --db-instance-identifier <id> --cloudwatch-logs-export-configuration \'{"EnableLogTypes":["error","agent"]}\' --apply-immediately (console: RDS > Databases > Modify > Log exports)',
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-40",
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Concepts.SQLServer.html",
  ],
  mappings: { cis: [], fsbp: ["RDS.40"] },
  evaluate: (asset) => {
    if (!isSqlServer(asset.config.engine)) return undefined;
    const logs = asset.config.cloudwatchLogsExports;
    return logs.length > 0
      ? pass(`publishes ${logs.join(", ")} to CloudWatch Logs`)
      : fail("publishes no log to CloudWatch Logs (neither error nor agent)");
  },
});
