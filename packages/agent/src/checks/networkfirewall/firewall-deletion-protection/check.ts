import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("deletion protection is enabled");
const OFF = fail("deletion protection is disabled");
export const firewallDeletionProtection = defineCheck({
  id: "vigil.networkfirewall.firewall-deletion-protection",
  title: "Network Firewall firewalls should have deletion protection enabled",
  severity: "medium",
  resourceType: "aws.networkfirewall.firewall",
  reads: ["deleteProtection"],
  rationale:
    "Deleting a firewall that is in use removes the filtering of the VPC's traffic, by accident or on purpose.",
  remediation:
    "aws network-firewall update-firewall-delete-protection --firewall-arn <arn> --delete-protection",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/networkfirewall-controls.html#networkfirewall-9",
    "https://docs.aws.amazon.com/network-firewall/latest/developerguide/firewall-settings.html",
  ],
  mappings: { cis: [], fsbp: ["NetworkFirewall.9"] },
  evaluate: (asset) => (asset.config.deleteProtection ? ON : OFF),
});
