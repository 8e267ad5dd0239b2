import { defineCheck, fail, pass } from "../../check.ts";

const MIN_LENGTH = 14;
const NO_POLICY = fail("no account password policy is set (AWS default minimum is 8)");
export const passwordPolicyMinLength = defineCheck({
  id: "vigil.iam.password-policy-min-length",
  title: "The IAM password policy should require at least 14 characters",
  severity: "medium",
  resourceType: "aws.iam.password-policy",
  reads: ["exists", "minimumPasswordLength"],
  rationale:
    "Length is the strongest defence against guessing and cracking; short passwords fall to offline attacks.",
  remediation:
    "aws iam update-account-password-policy --minimum-password-length 14 (plus the other settings you keep).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-15",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["1.7"], fsbp: [], securityHub: ["IAM.15"] },
  evaluate: (asset) => {
    const { exists, minimumPasswordLength } = asset.config;
    if (!exists) return NO_POLICY;
    const length = minimumPasswordLength ?? 8;
    return length >= MIN_LENGTH
      ? pass(`minimum length is ${length}`)
      : fail(`minimum length is ${length}, below ${MIN_LENGTH}`);
  },
});
