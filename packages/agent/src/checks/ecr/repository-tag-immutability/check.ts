import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("image tags are immutable");
const OFF = fail("image tags are mutable: a tag can be pushed over");
export const repositoryTagImmutability = defineCheck({
  id: "vigil.ecr.repository-tag-immutability",
  title: "ECR private repositories should have tag immutability configured",
  severity: "medium",
  resourceType: "aws.ecr.repository",
  reads: ["imageTagMutability"],
  rationale:
    "With mutable tags anyone who may push can replace the image behind a deployed tag (prod, v1.2.3); immutable tags make a tag name one image for good.",
  remediation: "aws ecr put-image-tag-mutability --repository-name <name> --image-tag-mutability IMMUTABLE",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ecr-controls.html#ecr-2",
    "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html",
  ],
  mappings: { cis: [], fsbp: ["ECR.2"] },
  evaluate: (asset) => (asset.config.imageTagMutability.startsWith("IMMUTABLE") ? ON : OFF),
});
