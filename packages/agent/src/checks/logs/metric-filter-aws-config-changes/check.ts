import { metricFilterCheck } from "../metric-filter.ts";

/** CIS 4.9 (Security Hub CloudWatch.9). */
export const metricFilterAwsConfigChanges = metricFilterCheck({
  pattern: "aws-config-changes",
  what: "AWS Config configuration changes",
  cis: "4.9",
  control: "CloudWatch.9",
});
