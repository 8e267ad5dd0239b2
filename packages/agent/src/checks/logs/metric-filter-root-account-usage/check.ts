import { metricFilterCheck } from "../metric-filter.ts";

/** CIS 4.3 (Security Hub CloudWatch.1). */
export const metricFilterRootAccountUsage = metricFilterCheck({
  pattern: "root-account-usage",
  what: "usage of the root user",
  cis: "4.3",
  control: "CloudWatch.1",
});
