import { defineCheck, fail, pass } from "../../check.ts";

export const rdsAuroraMysqlAuditLogsToCloudwatch = defineCheck({
  id: "vigil.rds.aurora-mysql-audit-logs-to-cloudwatch",
  title: "Aurora MySQL DB clusters should publish audit logs to CloudWatch Logs",
  severity: "medium",
  resourceType: "aws.rds.cluster",
  reads: ["engine", "cloudwatchLogsExports"],
  rationale:
    "The audit log records who connected and what they ran; published to CloudWatch Logs it is kept beyond the instances, searched and alarmed on.",
  remediation:
    'aws rds modify-db-cluster --db-cluster-identifier <id> --cloudwatch-logs-export-configuration \'{"EnableLogTypes":["audit"]}\' (and server_audit_logging=1 in the cluster parameter group).',
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-34",
    "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Integrating.CloudWatch.html",
  ],
  mappings: { cis: [], fsbp: ["RDS.34"] },
  evaluate: (asset) => {
    const { engine, cloudwatchLogsExports } = asset.config;
    if (engine !== "aurora-mysql" && engine !== "aurora") return undefined;
    return cloudwatchLogsExports.includes("audit")
      ? pass("the audit log is published to CloudWatch Logs")
      : fail("the audit log is not published to CloudWatch Logs");
  },
});
