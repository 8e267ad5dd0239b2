import { defineCheck, fail, pass } from "../../check.ts";

export const ec2VpnTunnelsUp = defineCheck({
  id: "vigil.ec2.vpn-tunnels-up",
  title: "Both VPN tunnels for an AWS Site-to-Site VPN connection should be up",
  severity: "medium",
  resourceType: "aws.ec2.vpn-connection",
  reads: ["state", "tunnelStatuses"],
  rationale:
    "A Site-to-Site VPN connection has two tunnels so that one can fail or be under maintenance while the other carries traffic; with a tunnel down, the next outage of the other cuts the network off.",
  remediation:
    "aws ec2 describe-vpn-connections --vpn-connection-ids <id> --query 'VpnConnections[].VgwTelemetry' to see which tunnel is down, then configure it on the customer gateway device (console: VPC > Site-to-Site VPN connections > Tunnel details)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-20",
    "https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNTunnels.html",
  ],
  mappings: { cis: [], fsbp: ["EC2.20"] },
  evaluate: (asset) => {
    const { state, tunnelStatuses } = asset.config;
    if (state !== "available") return undefined;
    if (tunnelStatuses.length < 2)
      return fail(`telemetry reports ${tunnelStatuses.length} tunnel(s), not two`);
    const down = tunnelStatuses.filter((s) => s !== "UP").length;
    return down === 0
      ? pass("both tunnels are UP")
      : fail(`${down} of ${tunnelStatuses.length} tunnels are not UP`);
  },
});
