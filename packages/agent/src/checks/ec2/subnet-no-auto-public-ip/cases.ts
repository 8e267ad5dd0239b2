import type { Subnet } from "@aws-sdk/client-ec2";
import { subnet } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";

const check = "vigil.ec2.subnet-no-auto-public-ip";
/** A `DescribeSubnets` `Subnets[]` entry. */
const PRIVATE_SUBNET: Subnet = {
  AvailabilityZone: "us-east-1a",
  AvailabilityZoneId: "use1-az1",
  AvailableIpAddressCount: 4091,
  CidrBlock: "10.0.16.0/20",
  DefaultForAz: false,
  MapPublicIpOnLaunch: false,
  MapCustomerOwnedIpOnLaunch: false,
  State: "available",
  SubnetId: "subnet-0a1b2c3d4e5f60001",
  VpcId: "vpc-0a1b2c3d",
  OwnerId: "123456789012",
  AssignIpv6AddressOnCreation: false,
  Ipv6CidrBlockAssociationSet: [],
  Tags: [{ Key: "Name", Value: "app-private-a" }],
  SubnetArn: "arn:aws:ec2:us-east-1:123456789012:subnet/subnet-0a1b2c3d4e5f60001",
};

/** Compliant and non-compliant cases of `vigil.ec2.subnet-no-auto-public-ip`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check, name: "MapPublicIpOnLaunch false", asset: subnet(PRIVATE_SUBNET), expect: "pass" },
  {
    check,
    name: "a public subnet mapping public IPs",
    asset: subnet({ ...PRIVATE_SUBNET, MapPublicIpOnLaunch: true }),
    expect: "fail",
    evidence: /assigns public IPv4 addresses on launch$/,
  },
  {
    check,
    name: "the default VPC's default subnet",
    asset: subnet({
      ...PRIVATE_SUBNET,
      DefaultForAz: true,
      MapPublicIpOnLaunch: true,
      CidrBlock: "172.31.0.0/20",
    }),
    expect: "fail",
    evidence: /a default subnet/,
  },
];
