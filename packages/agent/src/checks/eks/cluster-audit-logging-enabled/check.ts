import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("control plane audit logging is enabled");
const OFF = fail("control plane audit logging is disabled");

export const clusterAuditLogging = defineCheck({
  id: "vigil.eks.cluster-audit-logging-enabled",
  title: "EKS clusters should have audit logging enabled",
  severity: "medium",
  resourceType: "aws.eks.cluster",
  reads: ["enabledLogTypes"],
  rationale: "Kubernetes audit logs are the only record of who did what through the cluster API.",
  remediation:
    'aws eks update-cluster-config --name <cluster> --logging \'{"clusterLogging":[{"types":["audit"],"enabled":true}]}\'',
  references: [
    "https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html",
    "https://docs.aws.amazon.com/securityhub/latest/userguide/eks-controls.html#eks-8",
  ],
  mappings: { cis: [], fsbp: ["EKS.8"] },
  evaluate: (asset) => (asset.config.enabledLogTypes.includes("audit") ? ON : OFF),
});
