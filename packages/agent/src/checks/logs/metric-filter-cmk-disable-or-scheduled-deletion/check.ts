import { metricFilterCheck } from "../metric-filter.ts";

/** CIS 4.7 (Security Hub CloudWatch.7). */
export const metricFilterCmkDisableOrScheduledDeletion = metricFilterCheck({
  pattern: "cmk-disable-or-scheduled-deletion",
  what: "disabling or scheduled deletion of KMS keys",
  cis: "4.7",
  control: "CloudWatch.7",
});
