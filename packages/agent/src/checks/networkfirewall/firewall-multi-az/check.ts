import { defineCheck, fail, pass } from "../../check.ts";

const ONE = fail("the firewall has an endpoint in a single Availability Zone");
export const firewallMultiAz = defineCheck({
  id: "vigil.networkfirewall.firewall-multi-az",
  title: "Network Firewall firewalls should be deployed across multiple Availability Zones",
  severity: "medium",
  resourceType: "aws.networkfirewall.firewall",
  reads: ["subnetCount"],
  rationale:
    "A firewall with endpoints in one Availability Zone stops filtering, or stops the traffic routed through it, when that zone fails.",
  remediation:
    "aws network-firewall associate-subnets --firewall-arn <arn> --subnet-mappings SubnetId=<subnet in another Availability Zone>",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/networkfirewall-controls.html#networkfirewall-1",
    "https://docs.aws.amazon.com/network-firewall/latest/developerguide/vpc-config.html",
  ],
  mappings: { cis: [], fsbp: [], securityHub: ["NetworkFirewall.1"] },
  evaluate: (asset) =>
    asset.config.subnetCount > 1 ? pass(`endpoints in ${asset.config.subnetCount} Availability Zones`) : ONE,
});
