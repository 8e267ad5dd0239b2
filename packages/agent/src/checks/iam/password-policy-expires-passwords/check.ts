import { defineCheck, fail, pass } from "../../check.ts";

const NO_POLICY = fail("no account password policy is set: passwords never expire");
const MAX_AGE = 90;
export const passwordPolicyExpiresPasswords = defineCheck({
  id: "vigil.iam.password-policy-expires-passwords",
  title: "The IAM password policy should expire passwords within 90 days or less",
  severity: "low",
  resourceType: "aws.iam.password-policy",
  reads: ["exists", "maxPasswordAge"],
  rationale:
    "A password that never expires stays useful to whoever learned it; expiry bounds how long a leaked or cracked password works.",
  remediation:
    "aws iam update-account-password-policy --max-password-age 90 (plus the other settings you keep)",
  references: ["https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-17"],
  mappings: { cis: [], fsbp: [], securityHub: ["IAM.17"] },
  evaluate: ({ config: { exists, maxPasswordAge } }) => {
    if (!exists) return NO_POLICY;
    if (maxPasswordAge === undefined || maxPasswordAge === 0) return fail("passwords never expire");
    return maxPasswordAge <= MAX_AGE
      ? pass(`passwords expire after ${maxPasswordAge} days`)
      : fail(`passwords expire after ${maxPasswordAge} days, more than ${MAX_AGE}`);
  },
});
