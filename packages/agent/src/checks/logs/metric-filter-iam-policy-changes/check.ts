import { metricFilterCheck } from "../metric-filter.ts";

/** CIS 4.4 (Security Hub CloudWatch.4). */
export const metricFilterIamPolicyChanges = metricFilterCheck({
  pattern: "iam-policy-changes",
  what: "IAM policy changes",
  cis: "4.4",
  control: "CloudWatch.4",
});
