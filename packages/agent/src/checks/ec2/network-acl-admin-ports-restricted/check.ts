import { defineCheck, fail, pass } from "../../check.ts";
import { ADMIN_PORTS, naclOpenPort } from "../ports.ts";

const CLOSED = pass("no ingress rule allows 0.0.0.0/0 or ::/0 to port 22 or 3389");

export const networkAclAdminPortsRestricted = defineCheck({
  id: "vigil.ec2.network-acl-admin-ports-restricted",
  title: "Network ACLs should not allow ingress from the internet to remote administration ports",
  severity: "medium",
  resourceType: "aws.ec2.network-acl",
  reads: ["entries"],
  rationale:
    "NACLs are the subnet-wide layer of defence; allowing SSH/RDP from anywhere leaves only security groups between the internet and every instance in the subnet.",
  remediation:
    "Add a lower-numbered deny rule for TCP 22 and 3389 from 0.0.0.0/0 and ::/0, or narrow the allow rules to trusted CIDRs.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-21",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["5.2"], fsbp: ["EC2.21"] },
  evaluate: (asset) => {
    const port = naclOpenPort(asset.config.entries, ADMIN_PORTS);
    return port === undefined ? CLOSED : fail(`an ingress rule allows the internet to port ${port}`);
  },
});
