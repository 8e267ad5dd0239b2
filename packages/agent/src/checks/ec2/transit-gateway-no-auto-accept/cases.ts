import type { CheckCase } from "../../_cases/case.ts";
import { transitGateway } from "../../_cases/ec2-network.ts";

const check = "vigil.ec2.transit-gateway-no-auto-accept";

/** Compliant and non-compliant cases of `vigil.ec2.transit-gateway-no-auto-accept`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check, name: "auto accept disabled", asset: transitGateway("disable"), expect: "pass" },
  {
    check,
    name: "auto accept enabled",
    asset: transitGateway("enable"),
    expect: "fail",
    evidence: /automatically/,
  },
  { check, name: "deleted", asset: transitGateway("enable", { State: "deleted" }), expect: "n/a" },
];
