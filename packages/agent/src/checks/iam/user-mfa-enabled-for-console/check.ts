import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("the console user has MFA");
const OFF = fail("the user has a console password but no MFA");
export const userMfaEnabledForConsole = defineCheck({
  id: "vigil.iam.user-mfa-enabled-for-console",
  title: "IAM users with a console password should have MFA enabled",
  severity: "medium",
  resourceType: "aws.iam.user",
  reads: ["mfaActive", "passwordEnabled"],
  rationale: "A console password without MFA can be phished or guessed and used from anywhere.",
  remediation:
    "Ask the user to assign an MFA device (IAM console > Users > Security credentials), or remove the login profile if the console is not needed.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-5",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["1.9"], fsbp: ["IAM.5"] },
  evaluate: (asset) => {
    if (!asset.config.passwordEnabled) return undefined;
    return asset.config.mfaActive ? ON : OFF;
  },
});
