import { defineCheck, fail, pass } from "../../check.ts";

const PRIVATE = pass("the repository policy grants no access to anyone outside known principals");
const PUBLIC = fail("the repository policy allows any principal without a restricting condition");
export const repositoryNotPublic = defineCheck({
  id: "vigil.ecr.repository-not-public",
  title: "ECR repositories should not be publicly accessible",
  severity: "critical",
  resourceType: "aws.ecr.repository",
  reads: ["policyPublic"],
  rationale:
    "A repository policy that allows Principal * lets any AWS account pull the images (and the code and secrets baked into them), or push new ones.",
  remediation:
    "aws ecr set-repository-policy --repository-name <name> --policy-text file://policy.json (naming the allowed accounts), or aws ecr delete-repository-policy --repository-name <name>",
  references: ["https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html"],
  mappings: { cis: [], fsbp: [] },
  evaluate: (asset) => (asset.config.policyPublic ? PUBLIC : PRIVATE),
});
