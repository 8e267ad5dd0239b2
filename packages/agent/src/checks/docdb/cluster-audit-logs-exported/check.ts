import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("audit logs are exported to CloudWatch Logs");
const OFF = fail("audit logs are not exported to CloudWatch Logs");
export const docDbClusterAuditLogsExported = defineCheck({
  id: "vigil.docdb.cluster-audit-logs-exported",
  title: "Amazon DocumentDB clusters should publish audit logs to CloudWatch Logs",
  severity: "medium",
  resourceType: "aws.docdb.cluster",
  reads: ["cloudwatchLogsExports"],
  rationale:
    "Audit logs record authentication, authorization and data definition events: exported to CloudWatch Logs they outlive the cluster and can raise alarms.",
  remediation:
    "aws docdb modify-db-cluster --db-cluster-identifier <id> --cloudwatch-logs-export-configuration EnableLogTypes=audit (and audit_logs=enabled in the cluster parameter group)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/documentdb-controls.html#documentdb-4",
    "https://docs.aws.amazon.com/documentdb/latest/developerguide/event-auditing.html",
  ],
  mappings: { cis: [], fsbp: ["DocumentDB.4"] },
  evaluate: (asset) => (asset.config.cloudwatchLogsExports.includes("audit") ? ON : OFF),
});
