import { metricFilterCheck } from "../metric-filter.ts";

/** CIS 4.6 (Security Hub CloudWatch.6). */
export const metricFilterConsoleAuthenticationFailures = metricFilterCheck({
  pattern: "console-authentication-failures",
  what: "console authentication failures",
  cis: "4.6",
  control: "CloudWatch.6",
});
