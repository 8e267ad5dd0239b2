import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("Security Hub is enabled in this region");
const OFF = fail("Security Hub is not enabled in this region");
export const securityHubEnabled = defineCheck({
  id: "vigil.securityhub.hub-enabled",
  title: "AWS Security Hub should be enabled in every region",
  severity: "medium",
  resourceType: "aws.securityhub.account-settings",
  reads: ["hubEnabled"],
  rationale:
    "Security Hub aggregates findings from AWS services and partner tools and runs AWS's own controls continuously.",
  remediation:
    "aws securityhub enable-security-hub --region <region> (or enable it organization-wide from the delegated administrator).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-settingup.html",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["4.16"], fsbp: [] },
  evaluate: (asset) => (asset.config.hubEnabled ? ON : OFF),
});
