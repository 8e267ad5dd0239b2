import { daysSince, defineCheck, fail, pass } from "../../check.ts";

const MAX_AGE_DAYS = 90;
export const userAccessKeysRotated = defineCheck({
  id: "vigil.iam.user-access-keys-rotated",
  title: "IAM access keys should be rotated every 90 days or less",
  severity: "medium",
  resourceType: "aws.iam.user",
  reads: ["accessKeys"],
  rationale:
    "The longer a key lives, the more places it has been copied to; rotation bounds how long a leaked key stays useful.",
  remediation:
    "Create a new key, move the workload to it, then deactivate and delete the old key (or replace keys with IAM roles).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-3",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["1.13"], fsbp: ["IAM.3"] },
  evaluate: (asset, { now }) => {
    const keys = asset.config.accessKeys;
    let active = false;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key === undefined || key.status !== "Active") continue;
      active = true;
      const age = daysSince(key.lastRotated, now);
      if (age > MAX_AGE_DAYS) return fail(`active access key ${i + 1} is ${age} days old`);
    }
    return active ? pass(`every active access key is at most ${MAX_AGE_DAYS} days old`) : undefined;
  },
});
