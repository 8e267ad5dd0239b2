import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("audit logs are published");
const OFF = fail("audit logging is disabled");
export const openSearchDomainAuditLogging = defineCheck({
  id: "vigil.opensearch.domain-audit-logging",
  title: "OpenSearch domains should have audit logging enabled",
  severity: "medium",
  resourceType: "aws.opensearch.domain",
  reads: ["auditLogs"],
  rationale:
    "Audit logs record who authenticated, which indices they read or changed and which requests were refused: the trail an investigation of the domain's data needs.",
  remediation:
    "aws opensearch update-domain-config --domain-name <name> --log-publishing-options AUDIT_LOGS={CloudWatchLogsLogGroupArn=<log group ARN>,Enabled=true} (needs fine-grained access control)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-5",
    "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/audit-logs.html",
  ],
  mappings: { cis: [], fsbp: ["Opensearch.5"] },
  evaluate: (asset) => (asset.config.auditLogs ? ON : OFF),
});
