import { defineCheck } from "../check.ts";
import { GUARDDUTY_READS, protectionVerdict } from "./protection.ts";

export const eksAuditLogsEnabled = defineCheck({
  id: "vigil.guardduty.eks-audit-logs-enabled",
  title: "GuardDuty EKS Audit Log Monitoring should be enabled",
  severity: "medium",
  resourceType: "aws.guardduty.account-settings",
  reads: [...GUARDDUTY_READS],
  rationale:
    "EKS Audit Log Monitoring reads the Kubernetes audit logs of EKS clusters to detect suspicious API activity in them, such as anonymous access or privilege escalation.",
  remediation:
    "aws guardduty update-detector --detector-id <detector-id> --features Name=EKS_AUDIT_LOGS,Status=ENABLED",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-5",
    "https://docs.aws.amazon.com/guardduty/latest/ug/kubernetes-protection.html",
  ],
  mappings: { cis: [], fsbp: ["GuardDuty.5"] },
  evaluate: (asset) => protectionVerdict(asset, "EKS Audit Log Monitoring", [["EKS_AUDIT_LOGS"]]),
});
