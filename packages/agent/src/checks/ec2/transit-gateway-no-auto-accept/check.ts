import { defineCheck, fail, pass } from "../../check.ts";

export const ec2TransitGatewayNoAutoAccept = defineCheck({
  id: "vigil.ec2.transit-gateway-no-auto-accept",
  title: "Amazon EC2 Transit Gateways should not automatically accept VPC attachment requests",
  severity: "high",
  resourceType: "aws.ec2.transit-gateway",
  reads: ["state", "autoAcceptSharedAttachments"],
  rationale:
    "With AutoAcceptSharedAttachments on, any account the transit gateway is shared with can attach its VPCs without review and reach the networks routed through it.",
  remediation:
    "aws ec2 modify-transit-gateway --transit-gateway-id <id> --options AutoAcceptSharedAttachments=disable (console: VPC > Transit gateways > Modify > Auto accept shared attachments)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-23",
    "https://docs.aws.amazon.com/vpc/latest/tgw/tgw-transit-gateways.html",
  ],
  mappings: { cis: [], fsbp: ["EC2.23"] },
  evaluate: (asset) => {
    if (asset.config.state === "deleted" || asset.config.state === "deleting") return undefined;
    return asset.config.autoAcceptSharedAttachments
      ? fail(
          "accepts attachment requests from shared accounts automatically (AutoAcceptSharedAttachments enable)",
        )
      : pass("attachment requests from shared accounts wait for acceptance");
  },
});
