import type { VpcEndpoint } from "@aws-sdk/client-ec2";
import { REGION, vpc } from "./aws.ts";
import type { CheckCase } from "./case.ts";

const VPC_ID = "vpc-0a1b2c3d";

/** One `DescribeVpcEndpoints` entry: an available interface endpoint for `service` in the VPC. */
export const endpoint = (service: string, over: Partial<VpcEndpoint> = {}): VpcEndpoint => ({
  VpcEndpointId: `vpce-0${service.replace(/[^a-z]/g, "")}1234`,
  VpcEndpointType: "Interface",
  VpcId: VPC_ID,
  ServiceName: `com.amazonaws.${REGION}.${service}`,
  // AWS answers lower case (`available`), as the CLI shows; the SDK's enum spells `Available`.
  State: "available" as VpcEndpoint["State"],
  PrivateDnsEnabled: true,
  SubnetIds: ["subnet-0a1b2c3d", "subnet-0e1f2a3b"],
  Groups: [{ GroupId: "sg-0a1b2c3d", GroupName: "endpoints" }],
  ...over,
});

/** The VPC the collector builds with these endpoints in its region's answer. */
export const vpcWithEndpoints = (endpoints: VpcEndpoint[]) =>
  vpc({ VpcId: VPC_ID, IsDefault: false, CidrBlock: "10.0.0.0/16" }, [], endpoints);

/** The cases every VPC endpoint check shares, for the endpoint of `service` it wants. */
export const endpointCases = (check: string, service: string): CheckCase[] => [
  {
    check,
    name: `an available interface endpoint for ${service}`,
    asset: vpcWithEndpoints([endpoint(service), endpoint("s3", { VpcEndpointType: "Gateway" })]),
    expect: "pass",
  },
  {
    check,
    name: "only a gateway endpoint for S3",
    asset: vpcWithEndpoints([endpoint("s3", { VpcEndpointType: "Gateway" })]),
    expect: "fail",
  },
  {
    check,
    name: `the ${service} endpoint is in another VPC`,
    asset: vpcWithEndpoints([endpoint(service, { VpcId: "vpc-99999999" })]),
    expect: "fail",
  },
  {
    check,
    name: `the ${service} endpoint was rejected`,
    asset: vpcWithEndpoints([endpoint(service, { State: "Rejected" })]),
    expect: "fail",
  },
];
