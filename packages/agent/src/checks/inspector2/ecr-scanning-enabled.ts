import { defineCheck, fail, pass } from "../check.ts";

const ON = pass("Inspector ECR scanning is enabled in this region");
const OFF = fail("Inspector ECR scanning is not enabled in this region");
export const ecrScanningEnabled = defineCheck({
  id: "vigil.inspector2.ecr-scanning-enabled",
  title: "Amazon Inspector ECR scanning should be enabled",
  severity: "high",
  resourceType: "aws.inspector2.account-settings",
  reads: ["ecrStatus"],
  rationale:
    "Inspector scans container images pushed to ECR, and rescans them as new vulnerabilities are published, so vulnerable images are known before and after they are deployed.",
  remediation: "aws inspector2 enable --resource-types ECR --account-ids <account-id> --region <region>",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/inspector-controls.html#inspector-2",
    "https://docs.aws.amazon.com/inspector/latest/user/getting_started_tutorial.html",
  ],
  mappings: { cis: [], fsbp: ["Inspector.2"] },
  evaluate: (asset) => (asset.config.ecrStatus === "ENABLED" ? ON : OFF),
});
