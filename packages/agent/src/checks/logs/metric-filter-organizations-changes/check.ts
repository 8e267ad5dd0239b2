import { metricFilterCheck } from "../metric-filter.ts";

/** CIS 4.15. */
export const metricFilterOrganizationsChanges = metricFilterCheck({
  pattern: "organizations-changes",
  what: "AWS Organizations changes",
  cis: "4.15",
});
