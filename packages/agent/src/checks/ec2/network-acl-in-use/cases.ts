import type { NetworkAcl } from "@aws-sdk/client-ec2";
import { networkAcl } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";

/** A custom network ACL as `DescribeNetworkAcls` lists it (deny-all entries), associated with `subnets`. */
const acl = (subnets: string[], over: Partial<NetworkAcl> = {}): NetworkAcl => ({
  NetworkAclId: "acl-0custom1234",
  VpcId: "vpc-0a1b2c3d",
  IsDefault: false,
  Associations: subnets.map((SubnetId, i) => ({
    NetworkAclAssociationId: `aclassoc-0${i}`,
    NetworkAclId: "acl-0custom1234",
    SubnetId,
  })),
  Entries: [
    { RuleNumber: 32767, Protocol: "-1", RuleAction: "deny", Egress: false, CidrBlock: "0.0.0.0/0" },
    { RuleNumber: 32767, Protocol: "-1", RuleAction: "deny", Egress: true, CidrBlock: "0.0.0.0/0" },
  ],
  ...over,
});

/** Compliant and non-compliant cases of `vigil.ec2.network-acl-in-use`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.ec2.network-acl-in-use",
    name: "associated with a subnet",
    asset: networkAcl(acl(["subnet-0a1b2c3d"])),
    expect: "pass",
  },
  {
    check: "vigil.ec2.network-acl-in-use",
    name: "no association",
    asset: networkAcl(acl([])),
    expect: "fail",
  },
  {
    check: "vigil.ec2.network-acl-in-use",
    name: "the VPC's default network ACL, unused",
    asset: networkAcl(acl([], { IsDefault: true })),
    expect: "n/a",
  },
];
