import { daysSince, defineCheck, fail, pass } from "../../check.ts";

const MAX_IDLE_DAYS = 45;
const NO_CREDENTIALS = pass("the user has no console password and no active access keys");

/** A credential never used counts from its creation, as CIS 1.11 does. */
function idleDays(lastUsed: string | null, created: string, now: number): number {
  return daysSince(lastUsed ?? created, now);
}
export const userUnusedCredentialsDisabled = defineCheck({
  id: "vigil.iam.user-unused-credentials-disabled",
  title: "IAM credentials unused for 45 days or more should be disabled",
  severity: "medium",
  resourceType: "aws.iam.user",
  reads: ["accessKeys", "createDate", "passwordEnabled", "passwordLastUsed"],
  rationale:
    "Dormant passwords and keys are forgotten by their owners but not by attackers; removing them shrinks what can be stolen.",
  remediation:
    "Remove the login profile (aws iam delete-login-profile) and deactivate keys (aws iam update-access-key --status Inactive) that have not been used for 45 days.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-22",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["1.11"], fsbp: [], securityHub: ["IAM.22"] },
  evaluate: (asset, { now }) => {
    const c = asset.config;
    let active = false;
    if (c.passwordEnabled) {
      active = true;
      const idle = idleDays(c.passwordLastUsed, c.createDate, now);
      if (idle >= MAX_IDLE_DAYS) return fail(`the console password has been unused for ${idle} days`);
    }
    for (let i = 0; i < c.accessKeys.length; i++) {
      const key = c.accessKeys[i];
      if (key === undefined || key.status !== "Active") continue;
      active = true;
      const idle = idleDays(key.lastUsedDate, key.lastRotated, now);
      if (idle >= MAX_IDLE_DAYS) return fail(`active access key ${i + 1} has been unused for ${idle} days`);
    }
    return active ? pass(`every active credential was used within ${MAX_IDLE_DAYS} days`) : NO_CREDENTIALS;
  },
});
