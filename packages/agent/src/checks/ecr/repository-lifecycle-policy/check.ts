import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("a lifecycle policy is configured");
const OFF = fail("no lifecycle policy: old images are kept forever");
export const repositoryLifecyclePolicy = defineCheck({
  id: "vigil.ecr.repository-lifecycle-policy",
  title: "ECR repositories should have at least one lifecycle policy configured",
  severity: "medium",
  resourceType: "aws.ecr.repository",
  reads: ["hasLifecyclePolicy"],
  rationale:
    "Without a lifecycle policy old, unpatched images pile up and stay pullable long after they stopped being maintained.",
  remediation:
    "aws ecr put-lifecycle-policy --repository-name <name> --lifecycle-policy-text file://policy.json (e.g. expire untagged images after 14 days)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ecr-controls.html#ecr-3",
    "https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html",
  ],
  mappings: { cis: [], fsbp: ["ECR.3"] },
  evaluate: (asset) => (asset.config.hasLifecyclePolicy ? ON : OFF),
});
