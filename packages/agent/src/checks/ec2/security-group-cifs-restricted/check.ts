import { defineCheck, fail, pass } from "../../check.ts";
import { ANY_IPV4, ANY_IPV6, CIFS_PORTS, openPort } from "../ports.ts";

const CLOSED = pass("no ingress rule opens CIFS (445) to the internet");

export const securityGroupCifsRestricted = defineCheck({
  id: "vigil.ec2.security-group-cifs-restricted",
  title: "Security groups should not allow CIFS/SMB (port 445) from the internet",
  severity: "high",
  resourceType: "aws.ec2.security-group",
  reads: ["ipPermissions"],
  rationale:
    "SMB exposed to the internet has been the entry point of worms and ransomware (e.g. EternalBlue); file shares belong on trusted networks only.",
  remediation:
    "Remove 0.0.0.0/0 and ::/0 rules for TCP 445; allow only the trusted CIDRs or security groups that need the share.",
  references: ["https://www.cisecurity.org/benchmark/amazon_web_services"],
  mappings: { cis: ["5.1.2"], fsbp: [] },
  evaluate: (asset) => {
    const rules = asset.config.ipPermissions;
    if (openPort(rules, CIFS_PORTS, ANY_IPV4) !== undefined)
      return fail("ingress from 0.0.0.0/0 reaches port 445");
    if (openPort(rules, CIFS_PORTS, ANY_IPV6) !== undefined)
      return fail("ingress from ::/0 reaches port 445");
    return CLOSED;
  },
});
