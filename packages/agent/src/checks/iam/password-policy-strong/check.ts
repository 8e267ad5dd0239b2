import { defineCheck } from "../../check.ts";
import { passwordPolicyVerdict } from "../password-requirements.ts";

export const passwordPolicyStrong = defineCheck({
  id: "vigil.iam.password-policy-strong",
  title: "The IAM password policy should require upper and lower case, numbers, symbols and 8 characters",
  severity: "medium",
  resourceType: "aws.iam.password-policy",
  reads: [
    "exists",
    "requireUppercaseCharacters",
    "requireLowercaseCharacters",
    "requireSymbols",
    "requireNumbers",
    "minimumPasswordLength",
  ],
  rationale:
    "Complexity and length requirements make IAM user passwords far harder to guess or crack than the short, simple passwords IAM accepts by default.",
  remediation:
    "aws iam update-account-password-policy --require-uppercase-characters --require-lowercase-characters --require-symbols --require-numbers --minimum-password-length 8 (or more)",
  references: ["https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-7"],
  mappings: { cis: [], fsbp: ["IAM.7"] },
  evaluate: ({ config }) =>
    passwordPolicyVerdict(
      config,
      { symbols: true, minimumLength: 8 },
      "the policy requires every character class and at least 8 characters",
    ),
});
