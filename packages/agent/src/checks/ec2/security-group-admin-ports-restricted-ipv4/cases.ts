import type { CheckCase } from "../../_cases/case.ts";
import { allTraffic, office, sg, world, world6 } from "../../_cases/ec2.ts";

/** Compliant and non-compliant cases of `vigil.ec2.security-group-admin-ports-restricted-ipv4`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.ec2.security-group-admin-ports-restricted-ipv4",
    name: "SSH from office only",
    asset: sg([office(22), world(443)]),
    expect: "pass",
  },
  {
    check: "vigil.ec2.security-group-admin-ports-restricted-ipv4",
    name: "RDP in a port range from anywhere",
    asset: sg([world(3000, { FromPort: 3000, ToPort: 4000 })]),
    expect: "fail",
    evidence: /3389/,
  },
  {
    check: "vigil.ec2.security-group-admin-ports-restricted-ipv4",
    name: "all traffic from anywhere",
    asset: sg([allTraffic]),
    expect: "fail",
    evidence: /port 22/,
  },
  {
    check: "vigil.ec2.security-group-admin-ports-restricted-ipv4",
    name: "SSH from ::/0 only is an IPv6 problem",
    asset: sg([world6(22)]),
    expect: "pass",
  },
];
