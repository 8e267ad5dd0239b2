import { defineCheck, fail, pass } from "../../check.ts";

const OFF = fail("the firewall logs nothing");
export const firewallLoggingEnabled = defineCheck({
  id: "vigil.networkfirewall.firewall-logging-enabled",
  title: "Network Firewall logging should be enabled",
  severity: "medium",
  resourceType: "aws.networkfirewall.firewall",
  reads: ["logTypes"],
  rationale:
    "Alert and flow logs are the record of what the firewall let through and blocked, which detecting and investigating an intrusion needs.",
  remediation:
    'aws network-firewall update-logging-configuration --firewall-arn <arn> --logging-configuration \'{"LogDestinationConfigs":[{"LogType":"ALERT","LogDestinationType":"CloudWatchLogs","LogDestination":{"logGroup":"<group>"}}]}\'',
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/networkfirewall-controls.html#networkfirewall-2",
    "https://docs.aws.amazon.com/network-firewall/latest/developerguide/firewall-logging.html",
  ],
  mappings: { cis: [], fsbp: ["NetworkFirewall.2"] },
  evaluate: (asset) =>
    asset.config.logTypes.length > 0 ? pass(`logs ${asset.config.logTypes.join(" and ")}`) : OFF,
});
