import type { CheckCase } from "../../_cases/case.ts";
import { vpn, withTunnelLogging } from "../../_cases/ec2-network.ts";

const check = "vigil.ec2.vpn-tunnel-logging";

/** Compliant and non-compliant cases of `vigil.ec2.vpn-tunnel-logging`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check, name: "both tunnels logged", asset: vpn(), expect: "pass" },
  {
    check,
    name: "second tunnel not logged",
    asset: vpn(withTunnelLogging(true, false)),
    expect: "fail",
    evidence: /1 of 2/,
  },
  {
    check,
    name: "no tunnel options listed",
    asset: vpn({ Options: { StaticRoutesOnly: false } }),
    expect: "fail",
    evidence: /2 of 2/,
  },
  { check, name: "deleted connection", asset: vpn({ State: "deleted" }), expect: "n/a" },
];
