import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("audit logs are exported to CloudWatch Logs");
const OFF = fail("audit logs are not exported to CloudWatch Logs");
export const neptuneClusterAuditLogsExported = defineCheck({
  id: "vigil.neptune.cluster-audit-logs-exported",
  title: "Neptune DB clusters should publish audit logs to CloudWatch Logs",
  severity: "medium",
  resourceType: "aws.neptune.cluster",
  reads: ["cloudwatchLogsExports"],
  rationale:
    "Audit logs record who connected and which queries they ran: exported to CloudWatch Logs they outlive the cluster and can raise alarms.",
  remediation:
    'aws neptune modify-db-cluster --db-cluster-identifier <id> --cloudwatch-logs-export-configuration \'{"EnableLogTypes":["audit"]}\' (and neptune_enable_audit_log=1 in the parameter group)',
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/neptune-controls.html#neptune-2",
    "https://docs.aws.amazon.com/neptune/latest/userguide/cloudwatch-logs.html",
  ],
  mappings: { cis: [], fsbp: ["Neptune.2"] },
  evaluate: (asset) => (asset.config.cloudwatchLogsExports.includes("audit") ? ON : OFF),
});
