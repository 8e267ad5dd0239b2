import { defineCheck, fail, pass } from "../../check.ts";

const PUBLISHED = pass("the PostgreSQL log is published to CloudWatch Logs");
const KEPT_LOCAL = fail("the PostgreSQL log is not published to CloudWatch Logs");

export const rdsPostgresqlLogsToCloudwatch = defineCheck({
  id: "vigil.rds.postgresql-logs-to-cloudwatch",
  title: "RDS for PostgreSQL DB instances should publish logs to CloudWatch Logs",
  severity: "medium",
  resourceType: "aws.rds.instance",
  reads: ["engine", "cloudwatchLogsExports"],
  rationale:
    "The postgresql log holds connections, errors and (with log_statement) the statements run; published to CloudWatch Logs it can be kept, searched and alarmed on.",
  remediation:
    'aws rds modify-db-instance --db-instance-identifier <id> --cloudwatch-logs-export-configuration \'{"EnableLogTypes":["postgresql"]}\' --apply-immediately (console: RDS > Databases > Modify > Log exports > PostgreSQL log).',
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-36",
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Concepts.PostgreSQL.html",
  ],
  mappings: { cis: [], fsbp: ["RDS.36"] },
  evaluate: (asset) => {
    const { engine, cloudwatchLogsExports } = asset.config;
    if (engine !== "postgres") return undefined;
    return cloudwatchLogsExports.includes("postgresql") ? PUBLISHED : KEPT_LOCAL;
  },
});
