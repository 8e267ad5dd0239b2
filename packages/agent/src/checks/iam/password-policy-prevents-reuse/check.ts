import { defineCheck, fail, pass } from "../../check.ts";

const REMEMBERED = 24;
const NO_POLICY = fail("no account password policy is set, so passwords can be reused");
export const passwordPolicyReusePrevention = defineCheck({
  id: "vigil.iam.password-policy-prevents-reuse",
  title: "The IAM password policy should prevent password reuse",
  severity: "low",
  resourceType: "aws.iam.password-policy",
  reads: ["exists", "passwordReusePrevention"],
  rationale: "Reused passwords let a credential leaked once keep working after a forced change.",
  remediation:
    "aws iam update-account-password-policy --password-reuse-prevention 24 (plus the other settings you keep).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-16",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["1.8"], fsbp: [], securityHub: ["IAM.16"] },
  evaluate: (asset) => {
    const { exists, passwordReusePrevention } = asset.config;
    if (!exists) return NO_POLICY;
    const n = passwordReusePrevention ?? 0;
    return n >= REMEMBERED
      ? pass(`the last ${n} passwords cannot be reused`)
      : fail(
          n === 0
            ? "password reuse is not prevented"
            : `only the last ${n} passwords are remembered, fewer than ${REMEMBERED}`,
        );
  },
});
