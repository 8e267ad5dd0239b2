import type { CheckCase } from "../../_cases/case.ts";
import { allTraffic, selfRef, sg } from "../../_cases/ec2.ts";

/** Compliant and non-compliant cases of `vigil.ec2.default-security-group-restricts-all`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.ec2.default-security-group-restricts-all",
    name: "default group emptied",
    asset: sg([], "default", []),
    expect: "pass",
  },
  {
    check: "vigil.ec2.default-security-group-restricts-all",
    name: "default group as created by AWS (self ingress, all egress)",
    asset: sg([selfRef], "default", [allTraffic]),
    expect: "fail",
    evidence: /1 inbound and 1 outbound/,
  },
  {
    check: "vigil.ec2.default-security-group-restricts-all",
    name: "a non-default group",
    asset: sg([allTraffic], "web"),
    expect: "n/a",
  },
];
