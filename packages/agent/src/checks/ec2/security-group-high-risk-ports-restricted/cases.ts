import type { CheckCase } from "../../_cases/case.ts";
import { sg, world } from "../../_cases/ec2.ts";

/** Compliant and non-compliant cases of `vigil.ec2.security-group-high-risk-ports-restricted`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.ec2.security-group-high-risk-ports-restricted",
    name: "only HTTPS public",
    asset: sg([world(443), world(80)]),
    expect: "pass",
  },
  {
    check: "vigil.ec2.security-group-high-risk-ports-restricted",
    name: "PostgreSQL public",
    asset: sg([world(5432)]),
    expect: "fail",
    evidence: /5432/,
  },
  {
    check: "vigil.ec2.security-group-high-risk-ports-restricted",
    name: "UDP 5432 is not TCP",
    asset: sg([world(5432, { IpProtocol: "udp" })]),
    expect: "pass",
  },
];
