import { defineCheck, fail, pass } from "../check.ts";

const ON = pass("Inspector Lambda standard scanning is enabled in this region");
const OFF = fail("Inspector Lambda standard scanning is not enabled in this region");
export const lambdaStandardScanningEnabled = defineCheck({
  id: "vigil.inspector2.lambda-standard-scanning-enabled",
  title: "Amazon Inspector Lambda standard scanning should be enabled",
  severity: "high",
  resourceType: "aws.inspector2.account-settings",
  reads: ["lambdaStatus"],
  rationale:
    "Lambda standard scanning finds vulnerable packages in functions and their layers, which ship their dependencies frozen at deployment time.",
  remediation: "aws inspector2 enable --resource-types LAMBDA --account-ids <account-id> --region <region>",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/inspector-controls.html#inspector-4",
    "https://docs.aws.amazon.com/inspector/latest/user/getting_started_tutorial.html",
  ],
  mappings: { cis: [], fsbp: ["Inspector.4"] },
  evaluate: (asset) => (asset.config.lambdaStatus === "ENABLED" ? ON : OFF),
});
