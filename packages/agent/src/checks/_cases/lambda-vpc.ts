import { lambdaFunction } from "./aws.ts";

/** `ListFunctions` `Functions[]` entries: one attached to a VPC, one not (no `VpcConfig`, or an empty one); `policy`: `GetPolicy`'s `Policy`. */
export const fn = (
  vpcConfig?: { SubnetIds: string[]; SecurityGroupIds: string[]; VpcId: string },
  policy?: string,
) =>
  lambdaFunction(
    {
      FunctionName: "orders-api",
      FunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:orders-api",
      Runtime: "nodejs22.x",
      Role: "arn:aws:iam::123456789012:role/orders-api",
      Handler: "index.handler",
      PackageType: "Zip",
      ...(vpcConfig ? { VpcConfig: { ...vpcConfig, Ipv6AllowedForDualStack: false } } : {}),
    },
    policy,
  );
