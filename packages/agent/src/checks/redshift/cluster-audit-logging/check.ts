import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("audit logging is enabled");
const OFF = fail("audit logging is disabled");
export const redshiftClusterAuditLogging = defineCheck({
  id: "vigil.redshift.cluster-audit-logging",
  title: "Amazon Redshift clusters should have audit logging enabled",
  severity: "medium",
  resourceType: "aws.redshift.cluster",
  reads: ["loggingEnabled"],
  rationale:
    "Audit logs record connections, users and the queries they run: without them an intrusion into the data warehouse leaves no trace to investigate.",
  remediation:
    "aws redshift enable-logging --cluster-identifier <id> --log-destination-type cloudwatch --log-exports connectionlog userlog useractivitylog",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-4",
    "https://docs.aws.amazon.com/redshift/latest/mgmt/db-auditing.html",
  ],
  mappings: { cis: [], fsbp: ["Redshift.4"] },
  evaluate: (asset) => (asset.config.loggingEnabled ? ON : OFF),
});
