import type { CheckCase } from "../../_cases/case.ts";
import { clientVpnEndpoint } from "../../_cases/ec2-network.ts";

const check = "vigil.ec2.client-vpn-connection-logging";

/** Compliant and non-compliant cases of `vigil.ec2.client-vpn-connection-logging`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check,
    name: "connection logging to a log group",
    asset: clientVpnEndpoint({
      Enabled: true,
      CloudwatchLogGroup: "client-vpn",
      CloudwatchLogStream: "connections",
    }),
    expect: "pass",
  },
  {
    check,
    name: "connection logging disabled",
    asset: clientVpnEndpoint({ Enabled: false }),
    expect: "fail",
    evidence: /disabled/,
  },
];
