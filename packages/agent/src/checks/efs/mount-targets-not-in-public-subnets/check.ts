import { defineCheck, fail, pass } from "../../check.ts";

export const efsMountTargetsNotInPublicSubnets = defineCheck({
  id: "vigil.efs.mount-targets-not-in-public-subnets",
  title: "EFS mount targets should not be associated with subnets that assign public IP addresses on launch",
  severity: "medium",
  resourceType: "aws.efs.file-system",
  reads: ["mountTargetsInAutoPublicIpSubnets"],
  rationale:
    "A subnet that gives every instance a public address is meant to face the internet; a file system mounted there shares a network with publicly reachable hosts, one security group rule away from exposure.",
  remediation:
    "aws efs create-mount-target --file-system-id <id> --subnet-id <private subnet> in the same zone, move clients, then aws efs delete-mount-target --mount-target-id <public one>; or aws ec2 modify-subnet-attribute --subnet-id <subnet> --no-map-public-ip-on-launch (console: EFS > file system > Network > Manage)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/efs-controls.html#efs-6",
    "https://docs.aws.amazon.com/efs/latest/ug/accessing-fs.html",
  ],
  mappings: { cis: [], fsbp: ["EFS.6"] },
  evaluate: (asset) => {
    const subnets = asset.config.mountTargetsInAutoPublicIpSubnets;
    return subnets.length === 0
      ? pass("no mount target is in a subnet that assigns public IP addresses on launch")
      : fail(`mount targets in subnets that assign public IP addresses on launch: ${subnets.join(", ")}`);
  },
});
