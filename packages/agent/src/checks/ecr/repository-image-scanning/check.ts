import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("images are scanned for vulnerabilities");
const OFF = fail("no scan on push and no registry scanning rule covers the repository");
export const repositoryImageScanning = defineCheck({
  id: "vigil.ecr.repository-image-scanning",
  title: "ECR private repositories should have image scanning configured",
  severity: "high",
  resourceType: "aws.ecr.repository",
  reads: ["imageScanning"],
  rationale:
    "Scanning images as they are pushed finds known vulnerabilities in their packages before they run; without it vulnerable images ship unnoticed.",
  remediation:
    "aws ecr put-image-scanning-configuration --repository-name <name> --image-scanning-configuration scanOnPush=true (or aws ecr put-registry-scanning-configuration with a rule covering it)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ecr-controls.html#ecr-1",
    "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html",
  ],
  mappings: { cis: [], fsbp: ["ECR.1"] },
  evaluate: (asset) => (asset.config.imageScanning ? ON : OFF),
});
