import { protectionCheck } from "../protection.ts";

export const eksAuditLogsEnabled = protectionCheck({
  name: "eks-audit-logs-enabled",
  control: 5,
  plan: "EKS Audit Log Monitoring",
  ways: [["EKS_AUDIT_LOGS"]],
  features: "Name=EKS_AUDIT_LOGS,Status=ENABLED",
  rationale:
    "It reads the Kubernetes audit logs of EKS clusters to detect suspicious API activity, such as anonymous access or privilege escalation.",
});
