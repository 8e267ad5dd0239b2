import { defineCheck, fail, pass } from "../../check.ts";

const ONE = pass("the instance has one network interface");

export const instanceSingleEni = defineCheck({
  id: "vigil.ec2.instance-single-eni",
  title: "EC2 instances should not use multiple ENIs",
  severity: "low",
  resourceType: "aws.ec2.instance",
  reads: ["networkInterfaceCount", "state"],
  rationale:
    "An instance with several network interfaces can sit in several subnets at once and bridge traffic between them, around the network boundaries its security groups and ACLs were meant to draw.",
  remediation:
    "aws ec2 detach-network-interface --attachment-id <eni-attach-id> for every interface but the primary one (console: EC2 > Network interfaces > select > Actions > Detach), unless the instance is an appliance built to route",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-17",
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html",
  ],
  mappings: { cis: [], fsbp: ["EC2.17"] },
  evaluate: (asset) => {
    if (asset.config.state === "terminated") return undefined;
    const n = asset.config.networkInterfaceCount;
    return n > 1 ? fail(`the instance has ${n} network interfaces attached`) : ONE;
  },
});
