import { metricFilterCheck } from "../metric-filter.ts";

/** CIS 4.1 (Security Hub CloudWatch.2). */
export const metricFilterUnauthorizedApiCalls = metricFilterCheck({
  pattern: "unauthorized-api-calls",
  what: "unauthorized API calls",
  cis: "4.1",
  control: "CloudWatch.2",
});
