import { defineCheck, fail, pass } from "../../check.ts";

export const ec2ClientVpnConnectionLogging = defineCheck({
  id: "vigil.ec2.client-vpn-connection-logging",
  title: "EC2 Client VPN endpoints should have client connection logging enabled",
  severity: "low",
  resourceType: "aws.ec2.client-vpn-endpoint",
  reads: ["connectionLogging"],
  rationale:
    "Connection logs record who connected to the Client VPN endpoint, from where and when; without them a stolen client certificate or account in use leaves no trace.",
  remediation:
    "aws ec2 modify-client-vpn-endpoint --client-vpn-endpoint-id <id> --connection-log-options Enabled=true,CloudwatchLogGroup=<log group> (console: VPC > Client VPN endpoints > Modify > Connection logging)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-51",
    "https://docs.aws.amazon.com/vpn/latest/clientvpn-admin/connection-logging.html",
  ],
  mappings: { cis: [], fsbp: ["EC2.51"] },
  evaluate: (asset) =>
    asset.config.connectionLogging
      ? pass("client connections are logged to CloudWatch Logs")
      : fail("client connection logging is disabled"),
});
