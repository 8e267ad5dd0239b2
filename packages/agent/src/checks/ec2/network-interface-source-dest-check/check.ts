import { defineCheck, fail, pass } from "../../check.ts";

/** The interface types FSBP EC2.180 evaluates (those its users manage; NAT gateways and the like are not). */
const CHECKED_TYPES = new Set([
  "interface",
  "efa",
  "branch",
  "lambda",
  "quicksight",
  "aws_codestar_connections_managed",
]);

export const ec2NetworkInterfaceSourceDestCheck = defineCheck({
  id: "vigil.ec2.network-interface-source-dest-check",
  title: "EC2 network interfaces should have source/destination checking enabled",
  severity: "medium",
  resourceType: "aws.ec2.network-interface",
  reads: ["interfaceType", "sourceDestCheck"],
  rationale:
    "With source/destination checking off, an interface accepts and forwards traffic not addressed to it: an instance can then route, spoof or intercept traffic for others in the VPC. Only NAT and routing appliances need it off.",
  remediation:
    "aws ec2 modify-network-interface-attribute --network-interface-id <id> --source-dest-check (console: EC2 > Network interfaces > Actions > Change source/dest. check)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-180",
    "https://docs.aws.amazon.com/vpc/latest/userguide/work-with-nat-instances.html#EIP_Disable_SrcDestCheck",
  ],
  mappings: { cis: [], fsbp: ["EC2.180"] },
  evaluate: (asset) => {
    if (!CHECKED_TYPES.has(asset.config.interfaceType)) return undefined;
    return asset.config.sourceDestCheck
      ? pass("source/destination checking is enabled")
      : fail("source/destination checking is disabled: the interface forwards traffic not addressed to it");
  },
});
