import { defineCheck, fail, pass } from "../../check.ts";
import { ANY_IPV4, ANY_IPV6, HIGH_RISK_PORTS, openPort } from "../ports.ts";

const CLOSED = pass("no high-risk port is open to the internet");

export const securityGroupHighRiskPorts = defineCheck({
  id: "vigil.ec2.security-group-high-risk-ports-restricted",
  title: "Security groups should not allow unrestricted access to high-risk ports",
  severity: "critical",
  resourceType: "aws.ec2.security-group",
  reads: ["ipPermissions"],
  rationale:
    "Databases, remote shells, mail and admin consoles listening on well-known ports are the first things internet scanners probe.",
  remediation:
    "Replace 0.0.0.0/0 and ::/0 rules on these ports with specific CIDRs or security-group references.",
  references: ["https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-19"],
  mappings: { cis: [], fsbp: ["EC2.19"] },
  evaluate: (asset) => {
    const rules = asset.config.ipPermissions;
    const v4 = openPort(rules, HIGH_RISK_PORTS, ANY_IPV4);
    if (v4 !== undefined) return fail(`ingress from 0.0.0.0/0 reaches high-risk port ${v4}`);
    const v6 = openPort(rules, HIGH_RISK_PORTS, ANY_IPV6);
    return v6 === undefined ? CLOSED : fail(`ingress from ::/0 reaches high-risk port ${v6}`);
  },
});
