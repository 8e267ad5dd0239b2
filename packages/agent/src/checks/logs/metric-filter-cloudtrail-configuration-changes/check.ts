import { metricFilterCheck } from "../metric-filter.ts";

/** CIS 4.5 (Security Hub CloudWatch.5). */
export const metricFilterCloudtrailConfigurationChanges = metricFilterCheck({
  pattern: "cloudtrail-configuration-changes",
  what: "CloudTrail configuration changes",
  cis: "4.5",
  control: "CloudWatch.5",
});
