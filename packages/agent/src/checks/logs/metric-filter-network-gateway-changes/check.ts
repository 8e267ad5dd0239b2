import { metricFilterCheck } from "../metric-filter.ts";

/** CIS 4.12 (Security Hub CloudWatch.12). */
export const metricFilterNetworkGatewayChanges = metricFilterCheck({
  pattern: "network-gateway-changes",
  what: "network gateway changes",
  cis: "4.12",
  control: "CloudWatch.12",
});
