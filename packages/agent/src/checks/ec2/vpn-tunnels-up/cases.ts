import type { CheckCase } from "../../_cases/case.ts";
import { VPN, vpn } from "../../_cases/ec2-network.ts";

const check = "vigil.ec2.vpn-tunnels-up";
const [first, second] = VPN.VgwTelemetry ?? [];

/** Compliant and non-compliant cases of `vigil.ec2.vpn-tunnels-up`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check, name: "both tunnels UP", asset: vpn(), expect: "pass" },
  {
    check,
    name: "second tunnel DOWN",
    asset: vpn({ VgwTelemetry: [{ ...first }, { ...second, Status: "DOWN", AcceptedRouteCount: 0 }] }),
    expect: "fail",
    evidence: /1 of 2/,
  },
  {
    check,
    name: "telemetry for one tunnel only",
    asset: vpn({ VgwTelemetry: [{ ...first }] }),
    expect: "fail",
    evidence: /1 tunnel\(s\), not two/,
  },
  { check, name: "deleted connection", asset: vpn({ State: "deleted" }), expect: "n/a" },
];
