import { defineCheck, fail, pass } from "../../check.ts";

const ENCRYPTED = pass("every EBS volume of the default version is encrypted");

export const launchTemplateEbsEncrypted = defineCheck({
  id: "vigil.ec2.launch-template-ebs-encrypted",
  title: "EC2 launch templates should enable encryption for attached EBS volumes",
  severity: "medium",
  resourceType: "aws.ec2.launch-template",
  reads: ["ebsVolumes"],
  rationale:
    "A launch template that does not ask for encryption leaves each instance's disks to the AMI and the region's default; setting Encrypted in the template makes every launch encrypt its volumes at rest.",
  remediation:
    'aws ec2 create-launch-template-version --launch-template-id <id> --source-version <default> --launch-template-data \'{"BlockDeviceMappings":[{"DeviceName":"/dev/xvda","Ebs":{"Encrypted":true}}]}\', then aws ec2 modify-launch-template --launch-template-id <id> --default-version <new> (console: EC2 > Launch Templates > Modify template).',
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-181",
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ebs-encryption.html",
  ],
  mappings: { cis: [], fsbp: ["EC2.181"] },
  evaluate: (asset) => {
    const volumes = asset.config.ebsVolumes;
    // No EBS mapping: the AMI's block devices apply, which the template does not describe.
    if (volumes.length === 0) return undefined;
    const plain = volumes.filter((v) => v.encrypted !== true);
    if (plain.length === 0) return ENCRYPTED;
    return fail(
      `the default version does not encrypt ${plain.map((v) => `${v.deviceName}${v.encrypted === null ? " (unset)" : ""}`).join(", ")}`,
    );
  },
});
