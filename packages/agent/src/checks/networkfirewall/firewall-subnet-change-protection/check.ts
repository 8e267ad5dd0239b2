import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("subnet change protection is enabled");
const OFF = fail("subnet change protection is disabled");
export const firewallSubnetChangeProtection = defineCheck({
  id: "vigil.networkfirewall.firewall-subnet-change-protection",
  title: "Network Firewall firewalls should have subnet change protection enabled",
  severity: "medium",
  resourceType: "aws.networkfirewall.firewall",
  reads: ["subnetChangeProtection"],
  rationale:
    "Changing the subnets of a firewall in use moves or removes its endpoints, and with them the filtering of the traffic routed to them.",
  remediation:
    "aws network-firewall update-subnet-change-protection --firewall-arn <arn> --subnet-change-protection",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/networkfirewall-controls.html#networkfirewall-10",
    "https://docs.aws.amazon.com/network-firewall/latest/developerguide/firewall-settings.html",
  ],
  mappings: { cis: [], fsbp: ["NetworkFirewall.10"] },
  evaluate: (asset) => (asset.config.subnetChangeProtection ? ON : OFF),
});
