import { metricFilterCheck } from "../metric-filter.ts";

/** CIS 4.13 (Security Hub CloudWatch.13). */
export const metricFilterRouteTableChanges = metricFilterCheck({
  pattern: "route-table-changes",
  what: "route table changes",
  cis: "4.13",
  control: "CloudWatch.13",
});
