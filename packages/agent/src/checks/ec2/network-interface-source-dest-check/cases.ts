import type { CheckCase } from "../../_cases/case.ts";
import { networkInterface } from "../../_cases/ec2-network.ts";

const check = "vigil.ec2.network-interface-source-dest-check";

/** Compliant and non-compliant cases of `vigil.ec2.network-interface-source-dest-check`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check, name: "an instance's interface, checking on", asset: networkInterface(), expect: "pass" },
  {
    check,
    name: "checking off (a NAT instance's interface)",
    asset: networkInterface({ SourceDestCheck: false, Description: "nat instance" }),
    expect: "fail",
    evidence: /disabled/,
  },
  {
    check,
    name: "a NAT gateway's interface",
    asset: networkInterface({ InterfaceType: "natGateway", RequesterManaged: true, SourceDestCheck: false }),
    expect: "n/a",
  },
];
