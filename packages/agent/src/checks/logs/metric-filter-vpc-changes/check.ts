import { metricFilterCheck } from "../metric-filter.ts";

/** CIS 4.14 (Security Hub CloudWatch.14). */
export const metricFilterVpcChanges = metricFilterCheck({
  pattern: "vpc-changes",
  what: "VPC changes",
  cis: "4.14",
  control: "CloudWatch.14",
});
