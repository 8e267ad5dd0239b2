import { defineCheck, fail, pass } from "../../check.ts";

const BLOCKING = new Set(["block-bidirectional", "block-ingress"]);
export const vpcBlockPublicAccessIgw = defineCheck({
  id: "vigil.ec2.vpc-block-public-access-igw",
  title: "EC2 VPC Block Public Access settings should block internet gateway traffic",
  severity: "medium",
  resourceType: "aws.ec2.account-settings",
  reads: ["vpcBlockPublicAccessMode"],
  rationale:
    "VPC Block Public Access overrides route tables and security groups for the whole region: with it on, no VPC or subnet that is not explicitly excluded can be reached from the internet through an internet gateway, whatever a single team configures.",
  remediation:
    "aws ec2 modify-vpc-block-public-access-options --region <region> --internet-gateway-block-mode block-ingress (or block-bidirectional; exclude the VPCs that must stay public with create-vpc-block-public-access-exclusion)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-172",
    "https://docs.aws.amazon.com/vpc/latest/userguide/security-vpc-bpa.html",
  ],
  mappings: { cis: [], fsbp: ["EC2.172"] },
  evaluate: (asset) => {
    const mode = asset.config.vpcBlockPublicAccessMode;
    return BLOCKING.has(mode)
      ? pass(`VPC Block Public Access blocks internet gateway traffic (${mode})`)
      : fail(
          `VPC Block Public Access does not block internet gateway traffic (internet gateway block mode: ${mode})`,
        );
  },
});
