import type { Instance, IpPermission, NetworkAclEntry } from "@aws-sdk/client-ec2";
import { networkAcl, securityGroup } from "./aws.ts";

/** An `Instances[].NetworkInterfaces[]` entry attached at `deviceIndex` (0: the primary interface). */
export const eni = (deviceIndex: number, type: "interface" | "efa" = "interface") => ({
  NetworkInterfaceId: `eni-0abc123def456789${deviceIndex}`,
  SubnetId: "subnet-0a1b2c3d",
  VpcId: "vpc-0a1b2c3d",
  Status: "in-use" as const,
  SourceDestCheck: true,
  InterfaceType: type,
  PrivateIpAddress: `10.0.1.${10 + deviceIndex}`,
  Attachment: {
    AttachmentId: `eni-attach-0abc123def456789${deviceIndex}`,
    DeviceIndex: deviceIndex,
    NetworkCardIndex: 0,
    Status: "attached" as const,
    DeleteOnTermination: deviceIndex === 0,
  },
});
export const instance = (over: Partial<Instance>): Instance => ({
  InstanceId: "i-0abc123def4567890",
  State: { Code: 16, Name: "running" },
  VpcId: "vpc-0a1b2c3d",
  MetadataOptions: {
    State: "applied",
    HttpTokens: "required",
    HttpPutResponseHopLimit: 2,
    HttpEndpoint: "enabled",
  },
  IamInstanceProfile: { Arn: "arn:aws:iam::123456789012:instance-profile/web", Id: "AIPAEXAMPLE" },
  Tags: [{ Key: "Name", Value: "web-1" }],
  NetworkInterfaces: [eni(0)],
  ...over,
});
export const world = (port: number, extra: Partial<IpPermission> = {}): IpPermission => ({
  IpProtocol: "tcp",
  FromPort: port,
  ToPort: port,
  IpRanges: [{ CidrIp: "0.0.0.0/0", Description: "anywhere" }],
  Ipv6Ranges: [],
  UserIdGroupPairs: [],
  PrefixListIds: [],
  ...extra,
});
export const world6 = (port: number): IpPermission =>
  world(port, { IpRanges: [], Ipv6Ranges: [{ CidrIpv6: "::/0" }] });
export const office = (port: number): IpPermission =>
  world(port, { IpRanges: [{ CidrIp: "203.0.113.0/24", Description: "office" }] });
export const sg = (
  IpPermissions: IpPermission[],
  GroupName = "web",
  IpPermissionsEgress: IpPermission[] = [],
) =>
  securityGroup({
    GroupId: "sg-0123456789abcdef0",
    GroupName,
    Description: "test",
    OwnerId: "123456789012",
    VpcId: "vpc-0a1b2c3d",
    IpPermissions,
    IpPermissionsEgress,
  });
export const allTraffic: IpPermission = {
  IpProtocol: "-1",
  IpRanges: [{ CidrIp: "0.0.0.0/0" }],
  UserIdGroupPairs: [],
};
export const selfRef: IpPermission = {
  IpProtocol: "-1",
  IpRanges: [],
  UserIdGroupPairs: [{ GroupId: "sg-0123456789abcdef0", UserId: "123456789012" }],
};
export const acl = (Entries: NetworkAclEntry[]) =>
  networkAcl({ NetworkAclId: "acl-0a1b2c3d", VpcId: "vpc-0a1b2c3d", IsDefault: true, Entries });
export const DEFAULT_DENY: NetworkAclEntry[] = [
  { RuleNumber: 32767, Protocol: "-1", RuleAction: "deny", Egress: false, CidrBlock: "0.0.0.0/0" },
  { RuleNumber: 32768, Protocol: "-1", RuleAction: "deny", Egress: false, Ipv6CidrBlock: "::/0" },
];
