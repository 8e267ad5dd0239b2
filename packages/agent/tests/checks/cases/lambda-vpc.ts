import { lambdaFunction } from "../aws-fixtures.ts";
import type { CheckCase } from "../harness.ts";

/** `ListFunctions` `Functions[]` entries: one attached to a VPC, one not (no `VpcConfig`, or an empty one). */
const fn = (vpcConfig?: { SubnetIds: string[]; SecurityGroupIds: string[]; VpcId: string }) =>
  lambdaFunction({
    FunctionName: "orders-api",
    FunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:orders-api",
    Runtime: "nodejs22.x",
    Role: "arn:aws:iam::123456789012:role/orders-api",
    Handler: "index.handler",
    PackageType: "Zip",
    ...(vpcConfig ? { VpcConfig: { ...vpcConfig, Ipv6AllowedForDualStack: false } } : {}),
  });

export const lambdaVpcCases: CheckCase[] = [
  {
    check: "vigil.lambda.function-in-vpc",
    name: "VpcConfig with a VpcId",
    asset: fn({
      SubnetIds: ["subnet-0a1b", "subnet-0c2d"],
      SecurityGroupIds: ["sg-0e3f"],
      VpcId: "vpc-0a1b2c3d",
    }),
    expect: "pass",
  },
  {
    check: "vigil.lambda.function-in-vpc",
    name: 'VpcConfig empty (VpcId "")',
    asset: fn({ SubnetIds: [], SecurityGroupIds: [], VpcId: "" }),
    expect: "fail",
  },
  { check: "vigil.lambda.function-in-vpc", name: "no VpcConfig", asset: fn(), expect: "fail" },
];
