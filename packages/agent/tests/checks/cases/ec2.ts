import type { Instance, IpPermission, NetworkAclEntry } from "@aws-sdk/client-ec2";
import {
  ec2Instance,
  ec2Settings,
  networkAcl,
  securityGroup,
  snapshot,
  volume,
  vpc,
} from "../aws-fixtures.ts";
import type { CheckCase } from "../harness.ts";

const instance = (over: Partial<Instance>): Instance => ({
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
  ...over,
});

const world = (port: number, extra: Partial<IpPermission> = {}): IpPermission => ({
  IpProtocol: "tcp",
  FromPort: port,
  ToPort: port,
  IpRanges: [{ CidrIp: "0.0.0.0/0", Description: "anywhere" }],
  Ipv6Ranges: [],
  UserIdGroupPairs: [],
  PrefixListIds: [],
  ...extra,
});
const world6 = (port: number): IpPermission =>
  world(port, { IpRanges: [], Ipv6Ranges: [{ CidrIpv6: "::/0" }] });
const office = (port: number): IpPermission =>
  world(port, { IpRanges: [{ CidrIp: "203.0.113.0/24", Description: "office" }] });

const sg = (IpPermissions: IpPermission[], GroupName = "web", IpPermissionsEgress: IpPermission[] = []) =>
  securityGroup({
    GroupId: "sg-0123456789abcdef0",
    GroupName,
    Description: "test",
    OwnerId: "123456789012",
    VpcId: "vpc-0a1b2c3d",
    IpPermissions,
    IpPermissionsEgress,
  });

const allTraffic: IpPermission = {
  IpProtocol: "-1",
  IpRanges: [{ CidrIp: "0.0.0.0/0" }],
  UserIdGroupPairs: [],
};
const selfRef: IpPermission = {
  IpProtocol: "-1",
  IpRanges: [],
  UserIdGroupPairs: [{ GroupId: "sg-0123456789abcdef0", UserId: "123456789012" }],
};

const acl = (Entries: NetworkAclEntry[]) =>
  networkAcl({ NetworkAclId: "acl-0a1b2c3d", VpcId: "vpc-0a1b2c3d", IsDefault: true, Entries });
const DEFAULT_DENY: NetworkAclEntry[] = [
  { RuleNumber: 32767, Protocol: "-1", RuleAction: "deny", Egress: false, CidrBlock: "0.0.0.0/0" },
  { RuleNumber: 32768, Protocol: "-1", RuleAction: "deny", Egress: false, Ipv6CidrBlock: "::/0" },
];

export const ec2Cases: CheckCase[] = [
  {
    check: "vigil.ec2.instance-imdsv2-required",
    name: "HttpTokens required",
    asset: ec2Instance(instance({})),
    expect: "pass",
  },
  {
    check: "vigil.ec2.instance-imdsv2-required",
    name: "HttpTokens optional",
    asset: ec2Instance(instance({ MetadataOptions: { HttpTokens: "optional", HttpEndpoint: "enabled" } })),
    expect: "fail",
    evidence: /IMDSv1/,
  },
  {
    check: "vigil.ec2.instance-imdsv2-required",
    name: "metadata endpoint disabled",
    asset: ec2Instance(instance({ MetadataOptions: { HttpTokens: "optional", HttpEndpoint: "disabled" } })),
    expect: "pass",
  },
  {
    check: "vigil.ec2.instance-imdsv2-required",
    name: "terminated instance",
    asset: ec2Instance(instance({ State: { Code: 48, Name: "terminated" } })),
    expect: "n/a",
  },
  {
    check: "vigil.ec2.instance-no-public-ip",
    name: "private",
    asset: ec2Instance(instance({})),
    expect: "pass",
  },
  {
    check: "vigil.ec2.instance-no-public-ip",
    name: "PublicIpAddress set",
    asset: ec2Instance(instance({ PublicIpAddress: "198.51.100.7" })),
    expect: "fail",
  },
  {
    check: "vigil.ec2.instance-uses-iam-role",
    name: "instance profile",
    asset: ec2Instance(instance({})),
    expect: "pass",
  },
  {
    check: "vigil.ec2.instance-uses-iam-role",
    name: "no instance profile",
    asset: ec2Instance(instance({ IamInstanceProfile: undefined })),
    expect: "fail",
  },
  {
    check: "vigil.ec2.security-group-admin-ports-restricted-ipv4",
    name: "SSH from office only",
    asset: sg([office(22), world(443)]),
    expect: "pass",
  },
  {
    check: "vigil.ec2.security-group-admin-ports-restricted-ipv4",
    name: "RDP in a port range from anywhere",
    asset: sg([world(3000, { FromPort: 3000, ToPort: 4000 })]),
    expect: "fail",
    evidence: /3389/,
  },
  {
    check: "vigil.ec2.security-group-admin-ports-restricted-ipv4",
    name: "all traffic from anywhere",
    asset: sg([allTraffic]),
    expect: "fail",
    evidence: /port 22/,
  },
  {
    check: "vigil.ec2.security-group-admin-ports-restricted-ipv4",
    name: "SSH from ::/0 only is an IPv6 problem",
    asset: sg([world6(22)]),
    expect: "pass",
  },
  {
    check: "vigil.ec2.security-group-admin-ports-restricted-ipv6",
    name: "no IPv6 admin rule",
    asset: sg([world(443), world6(443)]),
    expect: "pass",
  },
  {
    check: "vigil.ec2.security-group-admin-ports-restricted-ipv6",
    name: "SSH from ::/0",
    asset: sg([world6(22)]),
    expect: "fail",
    evidence: /::\/0 reaches port 22/,
  },
  {
    check: "vigil.ec2.security-group-cifs-restricted",
    name: "445 from office",
    asset: sg([office(445)]),
    expect: "pass",
  },
  {
    check: "vigil.ec2.security-group-cifs-restricted",
    name: "445 from anywhere",
    asset: sg([world(445)]),
    expect: "fail",
  },
  {
    check: "vigil.ec2.security-group-cifs-restricted",
    name: "445 from ::/0",
    asset: sg([world6(445)]),
    expect: "fail",
  },
  {
    check: "vigil.ec2.security-group-high-risk-ports-restricted",
    name: "only HTTPS public",
    asset: sg([world(443), world(80)]),
    expect: "pass",
  },
  {
    check: "vigil.ec2.security-group-high-risk-ports-restricted",
    name: "PostgreSQL public",
    asset: sg([world(5432)]),
    expect: "fail",
    evidence: /5432/,
  },
  {
    check: "vigil.ec2.security-group-high-risk-ports-restricted",
    name: "UDP 5432 is not TCP",
    asset: sg([world(5432, { IpProtocol: "udp" })]),
    expect: "pass",
  },
  {
    check: "vigil.ec2.default-security-group-restricts-all",
    name: "default group emptied",
    asset: sg([], "default", []),
    expect: "pass",
  },
  {
    check: "vigil.ec2.default-security-group-restricts-all",
    name: "default group as created by AWS (self ingress, all egress)",
    asset: sg([selfRef], "default", [allTraffic]),
    expect: "fail",
    evidence: /1 inbound and 1 outbound/,
  },
  {
    check: "vigil.ec2.default-security-group-restricts-all",
    name: "a non-default group",
    asset: sg([allTraffic], "web"),
    expect: "n/a",
  },
  {
    check: "vigil.ec2.network-acl-admin-ports-restricted",
    name: "deny 22 before allow all",
    asset: acl([
      {
        RuleNumber: 90,
        Protocol: "6",
        RuleAction: "deny",
        Egress: false,
        CidrBlock: "0.0.0.0/0",
        PortRange: { From: 22, To: 22 },
      },
      {
        RuleNumber: 91,
        Protocol: "6",
        RuleAction: "deny",
        Egress: false,
        CidrBlock: "0.0.0.0/0",
        PortRange: { From: 3389, To: 3389 },
      },
      { RuleNumber: 100, Protocol: "-1", RuleAction: "allow", Egress: false, CidrBlock: "0.0.0.0/0" },
      { RuleNumber: 100, Protocol: "-1", RuleAction: "allow", Egress: true, CidrBlock: "0.0.0.0/0" },
      ...DEFAULT_DENY,
    ]),
    expect: "pass",
  },
  {
    check: "vigil.ec2.network-acl-admin-ports-restricted",
    name: "default NACL allows all inbound",
    asset: acl([
      { RuleNumber: 100, Protocol: "-1", RuleAction: "allow", Egress: false, CidrBlock: "0.0.0.0/0" },
      ...DEFAULT_DENY,
    ]),
    expect: "fail",
    evidence: /port 22/,
  },
  {
    check: "vigil.ec2.network-acl-admin-ports-restricted",
    name: "IPv4 denied but IPv6 allowed",
    asset: acl([
      { RuleNumber: 90, Protocol: "-1", RuleAction: "deny", Egress: false, CidrBlock: "0.0.0.0/0" },
      {
        RuleNumber: 101,
        Protocol: "6",
        RuleAction: "allow",
        Egress: false,
        Ipv6CidrBlock: "::/0",
        PortRange: { From: 3389, To: 3389 },
      },
      ...DEFAULT_DENY,
    ]),
    expect: "fail",
    evidence: /3389/,
  },
  {
    check: "vigil.ec2.vpc-flow-logs-enabled",
    name: "active flow log",
    asset: vpc({ VpcId: "vpc-0a1b2c3d", IsDefault: false, CidrBlock: "10.0.0.0/16" }, [
      { FlowLogId: "fl-1", ResourceId: "vpc-0a1b2c3d", FlowLogStatus: "ACTIVE", TrafficType: "REJECT" },
    ]),
    expect: "pass",
  },
  {
    check: "vigil.ec2.vpc-flow-logs-enabled",
    name: "flow log on another VPC only",
    asset: vpc({ VpcId: "vpc-0a1b2c3d", IsDefault: true }, [
      { FlowLogId: "fl-2", ResourceId: "vpc-99999999", FlowLogStatus: "ACTIVE", TrafficType: "ALL" },
    ]),
    expect: "fail",
  },
  {
    check: "vigil.ec2.ebs-encryption-by-default",
    name: "enabled",
    asset: ec2Settings({ EbsEncryptionByDefault: true }),
    expect: "pass",
  },
  {
    check: "vigil.ec2.ebs-encryption-by-default",
    name: "disabled",
    asset: ec2Settings({ EbsEncryptionByDefault: false }),
    expect: "fail",
  },
  {
    check: "vigil.ec2.volume-encrypted",
    name: "encrypted attached volume",
    asset: volume({
      VolumeId: "vol-1",
      Encrypted: true,
      State: "in-use",
      Attachments: [{ InstanceId: "i-1" }],
    }),
    expect: "pass",
  },
  {
    check: "vigil.ec2.volume-encrypted",
    name: "plain attached volume",
    asset: volume({
      VolumeId: "vol-2",
      Encrypted: false,
      State: "in-use",
      Attachments: [{ InstanceId: "i-1" }],
    }),
    expect: "fail",
  },
  {
    check: "vigil.ec2.volume-encrypted",
    name: "unattached volume",
    asset: volume({ VolumeId: "vol-3", Encrypted: false, State: "available", Attachments: [] }),
    expect: "n/a",
  },
  {
    check: "vigil.ec2.snapshot-not-public",
    name: "shared with one account",
    asset: snapshot({ SnapshotId: "snap-1", Encrypted: false }, [{ UserId: "210987654321" }]),
    expect: "pass",
  },
  {
    check: "vigil.ec2.snapshot-not-public",
    name: "createVolumePermission group all",
    asset: snapshot({ SnapshotId: "snap-2", Encrypted: false }, [{ Group: "all" }]),
    expect: "fail",
  },
];
