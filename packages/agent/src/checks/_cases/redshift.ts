import type {
  Cluster,
  DescribeClusterParametersCommandOutput,
  LoggingStatus,
} from "@aws-sdk/client-redshift";
import { redshiftClusterAsset } from "../../collectors/index.ts";
import { ACCOUNT, REGION } from "./aws.ts";

export const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };
/** One `DescribeClusters` `Clusters` entry, as a careful owner configures it. */
export const CLUSTER: Cluster = {
  ClusterIdentifier: "analytics",
  NodeType: "ra3.xlplus",
  ClusterStatus: "available",
  ClusterAvailabilityStatus: "Available",
  MasterUsername: "warehouse_admin",
  DBName: "analytics",
  Endpoint: { Address: `analytics.c0abcdefgh12.${REGION}.redshift.amazonaws.com`, Port: 5439 },
  ClusterCreateTime: new Date("2025-01-10T09:00:00Z"),
  AutomatedSnapshotRetentionPeriod: 7,
  ManualSnapshotRetentionPeriod: -1,
  ClusterSecurityGroups: [],
  VpcSecurityGroups: [{ VpcSecurityGroupId: "sg-0123456789abcdef0", Status: "active" }],
  ClusterParameterGroups: [{ ParameterGroupName: "analytics-params", ParameterApplyStatus: "in-sync" }],
  ClusterSubnetGroupName: "analytics-subnets",
  VpcId: "vpc-0123456789abcdef0",
  AvailabilityZone: `${REGION}a`,
  PreferredMaintenanceWindow: "sun:03:00-sun:03:30",
  ClusterVersion: "1.0",
  AllowVersionUpgrade: true,
  NumberOfNodes: 2,
  PubliclyAccessible: false,
  Encrypted: true,
  KmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
  EnhancedVpcRouting: true,
  MaintenanceTrackName: "current",
  MultiAZ: "Enabled",
};
export const LOGGING_ON: LoggingStatus = {
  LoggingEnabled: true,
  LogDestinationType: "cloudwatch",
  LogExports: ["connectionlog", "userlog", "useractivitylog"],
};
export const LOGGING_OFF: LoggingStatus = { LoggingEnabled: false };
export const params = (requireSsl: string): DescribeClusterParametersCommandOutput => ({
  $metadata: {},
  Parameters: [
    { ParameterName: "enable_user_activity_logging", ParameterValue: "true", Source: "user" },
    { ParameterName: "require_ssl", ParameterValue: requireSsl, Source: "user", DataType: "boolean" },
  ],
});
/** The asset the Redshift collector builds from its three answers. */
/** The cluster's security group: HTTPS from anywhere, the cluster port from the VPC only (or, `open`, from anywhere too). */
export const groups = (open = false) => ({
  SecurityGroups: [
    {
      GroupId: "sg-0123456789abcdef0",
      GroupName: "analytics",
      VpcId: "vpc-0123456789abcdef0",
      IpPermissions: [
        { IpProtocol: "tcp", FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: "0.0.0.0/0" }] },
        {
          IpProtocol: "tcp",
          FromPort: 5439,
          ToPort: 5439,
          IpRanges: [{ CidrIp: open ? "0.0.0.0/0" : "10.0.0.0/16" }],
        },
      ],
    },
  ],
});
export const redshiftCluster = (
  over: Partial<Cluster> = {},
  logging = LOGGING_ON,
  requireSsl = "true",
  openPort = false,
) =>
  redshiftClusterAsset(
    WHERE,
    { ...CLUSTER, ...over },
    { ok: true, value: logging },
    { ok: true, value: params(requireSsl) },
    { ok: true, value: groups(openPort) },
  );
