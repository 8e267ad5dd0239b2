import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("Kubernetes secrets are envelope-encrypted with KMS");
const OFF = fail("Kubernetes secrets are not envelope-encrypted with KMS");

export const clusterSecretsEncrypted = defineCheck({
  id: "vigil.eks.cluster-secrets-encrypted",
  title: "EKS clusters should encrypt Kubernetes secrets with KMS",
  severity: "medium",
  resourceType: "aws.eks.cluster",
  reads: ["secretsEncrypted"],
  rationale: "Envelope encryption keeps secrets in etcd unreadable without access to the KMS key.",
  remediation:
    "aws eks associate-encryption-config --cluster-name <cluster> --encryption-config resources=secrets,provider={keyArn=<key-arn>}",
  references: [
    "https://docs.aws.amazon.com/eks/latest/userguide/enable-kms.html",
    "https://docs.aws.amazon.com/securityhub/latest/userguide/eks-controls.html#eks-3",
  ],
  mappings: { cis: [], fsbp: ["EKS.3"] },
  evaluate: (asset) => (asset.config.secretsEncrypted ? ON : OFF),
});
