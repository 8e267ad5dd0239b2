import { metricFilterCheck } from "../metric-filter.ts";

/** CIS 4.2 (Security Hub CloudWatch.3). */
export const metricFilterConsoleSigninWithoutMfa = metricFilterCheck({
  pattern: "console-signin-without-mfa",
  what: "console sign-in without MFA",
  cis: "4.2",
  control: "CloudWatch.3",
});
