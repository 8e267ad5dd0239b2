import { defineCheck, fail, pass } from "../../check.ts";

const IN_VPC = pass("the function is attached to a VPC");
const OUTSIDE = fail("the function is not attached to a VPC");

export const functionInVpc = defineCheck({
  id: "vigil.lambda.function-in-vpc",
  title: "Lambda functions should be in a VPC",
  severity: "low",
  resourceType: "aws.lambda.function",
  reads: ["vpcId"],
  rationale:
    "Attached to a VPC, a function reaches private resources without them being exposed, and its traffic is subject to the VPC's security groups, network ACLs and flow logs.",
  remediation:
    "aws lambda update-function-configuration --function-name <name> --vpc-config SubnetIds=<subnet-a>,<subnet-b>,SecurityGroupIds=<sg>",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html#lambda-3",
    "https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html",
  ],
  mappings: { cis: [], fsbp: [], securityHub: ["Lambda.3"] },
  evaluate: (asset) => (asset.config.vpcId !== null ? IN_VPC : OUTSIDE),
});
