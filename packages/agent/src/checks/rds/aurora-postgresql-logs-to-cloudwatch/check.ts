import { defineCheck, fail, pass } from "../../check.ts";

export const rdsAuroraPostgresqlLogsToCloudwatch = defineCheck({
  id: "vigil.rds.aurora-postgresql-logs-to-cloudwatch",
  title: "Aurora PostgreSQL DB clusters should publish logs to CloudWatch Logs",
  severity: "medium",
  resourceType: "aws.rds.cluster",
  reads: ["engine", "cloudwatchLogsExports"],
  rationale:
    "The postgresql log holds connections, errors and (with log_statement) the statements run; published to CloudWatch Logs it can be kept, searched and alarmed on.",
  remediation:
    'aws rds modify-db-cluster --db-cluster-identifier <id> --cloudwatch-logs-export-configuration \'{"EnableLogTypes":["postgresql"]}\'',
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-37",
    "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraPostgreSQL.CloudWatch.html",
  ],
  mappings: { cis: [], fsbp: ["RDS.37"] },
  evaluate: (asset) => {
    const { engine, cloudwatchLogsExports } = asset.config;
    if (engine !== "aurora-postgresql") return undefined;
    return cloudwatchLogsExports.includes("postgresql")
      ? pass("the PostgreSQL log is published to CloudWatch Logs")
      : fail("the PostgreSQL log is not published to CloudWatch Logs");
  },
});
