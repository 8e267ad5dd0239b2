import { defineCheck, fail, pass } from "../check.ts";

const ON = pass("Inspector Lambda code scanning is enabled in this region");
const OFF = fail("Inspector Lambda code scanning is not enabled in this region");
export const lambdaCodeScanningEnabled = defineCheck({
  id: "vigil.inspector2.lambda-code-scanning-enabled",
  title: "Amazon Inspector Lambda code scanning should be enabled",
  severity: "high",
  resourceType: "aws.inspector2.account-settings",
  reads: ["lambdaCodeStatus"],
  rationale:
    "Lambda code scanning looks for vulnerabilities in the function's own code (injection flaws, leaked credentials, weak cryptography), not only in its packages.",
  remediation:
    "aws inspector2 enable --resource-types LAMBDA_CODE --account-ids <account-id> --region <region>",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/inspector-controls.html#inspector-3",
    "https://docs.aws.amazon.com/inspector/latest/user/getting_started_tutorial.html",
  ],
  mappings: { cis: [], fsbp: ["Inspector.3"] },
  evaluate: (asset) => (asset.config.lambdaCodeStatus === "ENABLED" ? ON : OFF),
});
