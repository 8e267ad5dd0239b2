import type { CheckCase } from "../../_cases/case.ts";
import { sg, world, world6 } from "../../_cases/ec2.ts";

/** Compliant and non-compliant cases of `vigil.ec2.security-group-admin-ports-restricted-ipv6`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.ec2.security-group-admin-ports-restricted-ipv6",
    name: "no IPv6 admin rule",
    asset: sg([world(443), world6(443)]),
    expect: "pass",
  },
  {
    check: "vigil.ec2.security-group-admin-ports-restricted-ipv6",
    name: "SSH from ::/0",
    asset: sg([world6(22)]),
    expect: "fail",
    evidence: /::\/0 reaches port 22/,
  },
];
