import { daysSince, defineCheck, fail, pass } from "../../check.ts";

const RECENT_DAYS = 7;
const NEVER = pass("the root user has never been used");
export const rootNotUsedRecently = defineCheck({
  id: "vigil.iam.root-not-used-recently",
  title: "The root user should not be used for daily tasks",
  severity: "medium",
  resourceType: "aws.iam.root",
  reads: ["lastUsedDate"],
  rationale:
    "Every root sign-in is a use of unrestricted, unauditable-by-policy power; routine work belongs to IAM roles.",
  remediation:
    "Find what used root (CloudTrail userIdentity.type Root), move that work to an IAM role, and keep root credentials locked away.",
  references: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-best-practices.html",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["1.6"], fsbp: [] },
  evaluate: (asset, { now }) => {
    const last = asset.config.lastUsedDate;
    if (last === null) return NEVER;
    const days = daysSince(last, now);
    return days < RECENT_DAYS
      ? fail(`the root user was used ${days} day(s) ago`)
      : pass(`the root user was last used ${days} days ago`);
  },
});
