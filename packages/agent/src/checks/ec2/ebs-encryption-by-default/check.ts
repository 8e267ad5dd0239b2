import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("EBS encryption by default is enabled in this region");
const OFF = fail("EBS encryption by default is disabled in this region");

export const ebsEncryptionByDefault = defineCheck({
  id: "vigil.ec2.ebs-encryption-by-default",
  title: "EBS encryption by default should be enabled in every region",
  severity: "medium",
  resourceType: "aws.ec2.account-settings",
  reads: ["ebsEncryptionByDefault"],
  rationale:
    "With default encryption on, no new volume or snapshot copy can be created unencrypted by mistake.",
  remediation:
    "aws ec2 enable-ebs-encryption-by-default --region <region> (repeat for every enabled region).",
  references: [
    "https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html",
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-7",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["5.1.1"], fsbp: ["EC2.7"] },
  evaluate: (asset) => (asset.config.ebsEncryptionByDefault ? ON : OFF),
});
