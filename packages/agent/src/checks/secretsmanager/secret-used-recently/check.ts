import { daysSince, defineCheck, fail, pass } from "../../check.ts";

const MAX_DAYS = 90;

export const secretUsedRecently = defineCheck({
  id: "vigil.secretsmanager.secret-used-recently",
  title: "Remove unused Secrets Manager secrets",
  severity: "medium",
  resourceType: "aws.secretsmanager.secret",
  reads: ["lastAccessedDate", "createdDate"],
  rationale:
    "A secret nobody reads is a credential nobody watches: if it still works, it is access without an owner. Unused secrets should be deleted.",
  remediation:
    "Confirm nothing uses it (CloudTrail GetSecretValue events), then aws secretsmanager delete-secret --secret-id <name> --recovery-window-in-days 30",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/secretsmanager-controls.html#secretsmanager-3",
  ],
  mappings: { cis: [], fsbp: ["SecretsManager.3"] },
  evaluate: (asset, { now }) => {
    const { lastAccessedDate, createdDate } = asset.config;
    if (lastAccessedDate !== null) {
      const days = daysSince(lastAccessedDate, now);
      return days > MAX_DAYS
        ? fail(`last accessed ${days} days ago (more than ${MAX_DAYS})`)
        : pass(`accessed within the last ${MAX_DAYS} days`);
    }
    if (createdDate === null) return undefined;
    const age = daysSince(createdDate, now);
    return age > MAX_DAYS
      ? fail(`never accessed since it was created ${age} days ago`)
      : pass(`created ${age} days ago, not yet accessed`);
  },
});
