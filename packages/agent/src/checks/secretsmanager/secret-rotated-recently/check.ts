import { daysSince, defineCheck, fail, pass } from "../../check.ts";

const MAX_DAYS = 90;

export const secretRotatedRecently = defineCheck({
  id: "vigil.secretsmanager.secret-rotated-recently",
  title: "Secrets Manager secrets should be rotated within a specified number of days",
  severity: "medium",
  resourceType: "aws.secretsmanager.secret",
  reads: ["lastRotatedDate", "createdDate"],
  rationale:
    "The longer a secret stays the same, the more places it has been copied to; rotating at least every 90 days bounds how long a leaked one is useful.",
  remediation:
    "aws secretsmanager rotate-secret --secret-id <name> (and enable automatic rotation so it stays within 90 days)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/secretsmanager-controls.html#secretsmanager-4",
  ],
  mappings: { cis: [], fsbp: ["SecretsManager.4"] },
  evaluate: (asset, { now }) => {
    const { lastRotatedDate, createdDate } = asset.config;
    const since = lastRotatedDate ?? createdDate;
    if (since === null) return undefined;
    const days = daysSince(since, now);
    const what = lastRotatedDate === null ? "never rotated, created" : "last rotated";
    return days > MAX_DAYS
      ? fail(`${what} ${days} days ago (more than ${MAX_DAYS})`)
      : pass(`${what} ${days} days ago`);
  },
});
