import { DAY_MS, daysSince, defineCheck, fail, pass } from "../../check.ts";

/** A rotation may take its window (up to a day) past the scheduled date. */
const GRACE_DAYS = 1;

export const secretRotatedAsScheduled = defineCheck({
  id: "vigil.secretsmanager.secret-rotated-as-scheduled",
  title: "Secrets Manager secrets configured with automatic rotation should rotate successfully",
  severity: "medium",
  resourceType: "aws.secretsmanager.secret",
  reads: ["rotationEnabled", "rotationIntervalDays", "lastRotatedDate", "createdDate", "nextRotationDate"],
  rationale:
    "Rotation that is configured but failing leaves the same credential in use while the account believes it changes; a failed rotation Lambda usually goes unnoticed.",
  remediation:
    "Look at the rotation function's CloudWatch Logs, fix it, then aws secretsmanager rotate-secret --secret-id <name> to rotate now",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/secretsmanager-controls.html#secretsmanager-2",
    "https://docs.aws.amazon.com/secretsmanager/latest/userguide/troubleshoot_rotation.html",
  ],
  mappings: { cis: [], fsbp: ["SecretsManager.2"] },
  evaluate: (asset, { now }) => {
    const c = asset.config;
    if (!c.rotationEnabled) return undefined;
    const since = c.lastRotatedDate ?? c.createdDate;
    if (c.rotationIntervalDays !== null && since !== null) {
      const days = daysSince(since, now);
      return days > c.rotationIntervalDays + GRACE_DAYS
        ? fail(`last rotated ${days} days ago on a ${c.rotationIntervalDays}-day schedule`)
        : pass(`rotated within its ${c.rotationIntervalDays}-day schedule`);
    }
    // A schedule expression: the rotation Secrets Manager planned must not lie in the past.
    if (c.nextRotationDate === null) return undefined;
    return Date.parse(c.nextRotationDate) + GRACE_DAYS * DAY_MS < now
      ? fail("the scheduled rotation date has passed without a rotation")
      : pass("the next scheduled rotation is still ahead");
  },
});
