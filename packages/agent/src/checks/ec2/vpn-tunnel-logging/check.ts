import { defineCheck, fail, pass } from "../../check.ts";

export const ec2VpnTunnelLogging = defineCheck({
  id: "vigil.ec2.vpn-tunnel-logging",
  title: "EC2 VPN connections should have logging enabled",
  severity: "medium",
  resourceType: "aws.ec2.vpn-connection",
  reads: ["state", "tunnelLogging"],
  rationale:
    "Site-to-Site VPN tunnel logs record IKE negotiation, dead peer detection and tunnel state changes; without them a dropped or tampered tunnel leaves nothing to investigate.",
  remediation:
    'aws ec2 modify-vpn-tunnel-options --vpn-connection-id <id> --vpn-tunnel-outside-ip-address <tunnel ip> --tunnel-options \'{"LogOptions":{"CloudWatchLogOptions":{"LogEnabled":true,"LogGroupArn":"<log group arn>","LogOutputFormat":"json"}}}\' for each tunnel (console: VPC > Site-to-Site VPN connections > Modify VPN tunnel options)',
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-171",
    "https://docs.aws.amazon.com/vpn/latest/s2svpn/monitoring-logs.html",
  ],
  mappings: { cis: [], fsbp: ["EC2.171"] },
  evaluate: (asset) => {
    const { state, tunnelLogging } = asset.config;
    if (state === "deleted" || state === "deleting") return undefined;
    // A tunnel without options logs nothing: AWS lists two per connection.
    const unlogged = Math.max(2, tunnelLogging.length) - tunnelLogging.filter((on) => on).length;
    return unlogged === 0
      ? pass("both tunnels log to CloudWatch Logs")
      : fail(`${unlogged} of ${Math.max(2, tunnelLogging.length)} tunnels do not log to CloudWatch Logs`);
  },
});
