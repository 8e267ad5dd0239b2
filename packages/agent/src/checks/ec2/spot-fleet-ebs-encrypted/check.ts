import { defineCheck, fail, pass } from "../../check.ts";

export const ec2SpotFleetEbsEncrypted = defineCheck({
  id: "vigil.ec2.spot-fleet-ebs-encrypted",
  title: "EC2 Spot Fleet requests with launch parameters should enable encryption for attached EBS volumes",
  severity: "medium",
  resourceType: "aws.ec2.spot-fleet-request",
  reads: ["state", "hasLaunchSpecifications", "unencryptedVolumes"],
  rationale:
    "Volumes a Spot Fleet's launch specifications map without Encrypted are created in clear unless EBS encryption by default is on: the data and its snapshots are readable by whoever gets the volume.",
  remediation:
    'Spot Fleet launch specifications cannot be changed: cancel the request (aws ec2 cancel-spot-fleet-requests --spot-fleet-request-ids <id> --no-terminate-instances) and request again with "Encrypted": true on every EBS block device mapping, or with a launch template that encrypts them (console: EC2 > Spot Requests)',
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-173",
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/spot-fleet-requests.html",
  ],
  mappings: { cis: [], fsbp: ["EC2.173"] },
  evaluate: (asset) => {
    const { state, hasLaunchSpecifications, unencryptedVolumes } = asset.config;
    if (state.startsWith("cancelled") || !hasLaunchSpecifications) return undefined;
    return unencryptedVolumes.length === 0
      ? pass("every EBS volume of its launch specifications is encrypted")
      : fail(`launch specifications map unencrypted EBS volumes: ${unencryptedVolumes.join(", ")}`);
  },
});
