import { metricFilterCheck } from "../metric-filter.ts";

/** CIS 4.10 (Security Hub CloudWatch.10). */
export const metricFilterSecurityGroupChanges = metricFilterCheck({
  pattern: "security-group-changes",
  what: "security group changes",
  cis: "4.10",
  control: "CloudWatch.10",
});
