import { metricFilterCheck } from "../metric-filter.ts";

/** CIS 4.11 (Security Hub CloudWatch.11). */
export const metricFilterNaclChanges = metricFilterCheck({
  pattern: "nacl-changes",
  what: "network ACL changes",
  cis: "4.11",
  control: "CloudWatch.11",
});
