import { defineCheck } from "../../check.ts";
import { passwordPolicyVerdict } from "../password-requirements.ts";

export const passwordPolicyPciStrength = defineCheck({
  id: "vigil.iam.password-policy-pci-strength",
  title:
    "The IAM password policy should meet PCI DSS: mixed case, numbers, 7 characters, 4 remembered, 90-day expiry",
  severity: "medium",
  resourceType: "aws.iam.password-policy",
  reads: [
    "exists",
    "requireUppercaseCharacters",
    "requireLowercaseCharacters",
    "requireNumbers",
    "minimumPasswordLength",
    "passwordReusePrevention",
    "maxPasswordAge",
  ],
  rationale:
    "PCI DSS asks for passwords of at least 7 mixed-case alphanumeric characters, changed every 90 days and different from the last 4; IAM's defaults meet none of it.",
  remediation:
    "aws iam update-account-password-policy --require-uppercase-characters --require-lowercase-characters --require-numbers --minimum-password-length 7 --password-reuse-prevention 4 --max-password-age 90 (stricter values also pass)",
  references: ["https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-10"],
  mappings: { cis: [], fsbp: [], securityHub: ["IAM.10"] },
  evaluate: ({ config }) =>
    passwordPolicyVerdict(
      config,
      { symbols: false, minimumLength: 7, remembered: 4, maxAgeDays: 90 },
      "the policy meets the PCI DSS password settings",
    ),
});
