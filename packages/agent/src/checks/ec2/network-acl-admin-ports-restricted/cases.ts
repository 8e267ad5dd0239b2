import type { CheckCase } from "../../_cases/case.ts";
import { acl, DEFAULT_DENY } from "../../_cases/ec2.ts";

/** Compliant and non-compliant cases of `vigil.ec2.network-acl-admin-ports-restricted`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.ec2.network-acl-admin-ports-restricted",
    name: "deny 22 before allow all",
    asset: acl([
      {
        RuleNumber: 90,
        Protocol: "6",
        RuleAction: "deny",
        Egress: false,
        CidrBlock: "0.0.0.0/0",
        PortRange: { From: 22, To: 22 },
      },
      {
        RuleNumber: 91,
        Protocol: "6",
        RuleAction: "deny",
        Egress: false,
        CidrBlock: "0.0.0.0/0",
        PortRange: { From: 3389, To: 3389 },
      },
      { RuleNumber: 100, Protocol: "-1", RuleAction: "allow", Egress: false, CidrBlock: "0.0.0.0/0" },
      { RuleNumber: 100, Protocol: "-1", RuleAction: "allow", Egress: true, CidrBlock: "0.0.0.0/0" },
      ...DEFAULT_DENY,
    ]),
    expect: "pass",
  },
  {
    check: "vigil.ec2.network-acl-admin-ports-restricted",
    name: "default NACL allows all inbound",
    asset: acl([
      { RuleNumber: 100, Protocol: "-1", RuleAction: "allow", Egress: false, CidrBlock: "0.0.0.0/0" },
      ...DEFAULT_DENY,
    ]),
    expect: "fail",
    evidence: /port 22/,
  },
  {
    check: "vigil.ec2.network-acl-admin-ports-restricted",
    name: "IPv4 denied but IPv6 allowed",
    asset: acl([
      { RuleNumber: 90, Protocol: "-1", RuleAction: "deny", Egress: false, CidrBlock: "0.0.0.0/0" },
      {
        RuleNumber: 101,
        Protocol: "6",
        RuleAction: "allow",
        Egress: false,
        Ipv6CidrBlock: "::/0",
        PortRange: { From: 3389, To: 3389 },
      },
      ...DEFAULT_DENY,
    ]),
    expect: "fail",
    evidence: /3389/,
  },
];
