import { defineCheck, fail, pass } from "../../check.ts";
import { ADMIN_PORTS, ANY_IPV4, openPort } from "../ports.ts";

const CLOSED = pass("no ingress rule opens port 22 or 3389 to 0.0.0.0/0");

export const securityGroupAdminPortsIpv4 = defineCheck({
  id: "vigil.ec2.security-group-admin-ports-restricted-ipv4",
  title: "Security groups should not allow ingress from 0.0.0.0/0 to remote administration ports",
  severity: "high",
  resourceType: "aws.ec2.security-group",
  reads: ["ipPermissions"],
  rationale:
    "SSH (22) and RDP (3389) open to the whole IPv4 internet are scanned and brute-forced within minutes of exposure.",
  remediation:
    "Remove the 0.0.0.0/0 rule for ports 22/3389; allow administration only from known CIDRs, or use Session Manager instead of open ports.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-53",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["5.3"], fsbp: [], securityHub: ["EC2.53"] },
  evaluate: (asset) => {
    const port = openPort(asset.config.ipPermissions, ADMIN_PORTS, ANY_IPV4);
    return port === undefined ? CLOSED : fail(`ingress from 0.0.0.0/0 reaches port ${port}`);
  },
});
