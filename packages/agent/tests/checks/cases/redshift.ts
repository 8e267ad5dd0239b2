import type {
  Cluster,
  DescribeClusterParametersCommandOutput,
  LoggingStatus,
} from "@aws-sdk/client-redshift";
import { redshiftClusterAsset } from "../../../src/collectors/index.ts";
import { ACCOUNT, REGION } from "../aws-fixtures.ts";
import type { CheckCase } from "../harness.ts";
import { both } from "./verdicts.ts";

const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };

/** One `DescribeClusters` `Clusters` entry, as a careful owner configures it. */
const CLUSTER: Cluster = {
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
  MultiAZ: "Disabled",
};
const LOGGING_ON: LoggingStatus = {
  LoggingEnabled: true,
  LogDestinationType: "cloudwatch",
  LogExports: ["connectionlog", "userlog", "useractivitylog"],
};
const LOGGING_OFF: LoggingStatus = { LoggingEnabled: false };
const params = (requireSsl: string): DescribeClusterParametersCommandOutput => ({
  $metadata: {},
  Parameters: [
    { ParameterName: "enable_user_activity_logging", ParameterValue: "true", Source: "user" },
    { ParameterName: "require_ssl", ParameterValue: requireSsl, Source: "user", DataType: "boolean" },
  ],
});

/** The asset the Redshift collector builds from its three answers. */
export const redshiftCluster = (over: Partial<Cluster> = {}, logging = LOGGING_ON, requireSsl = "true") =>
  redshiftClusterAsset(
    WHERE,
    { ...CLUSTER, ...over },
    { ok: true, value: logging },
    { ok: true, value: params(requireSsl) },
  );

export const redshiftCases: CheckCase[] = [
  ...both(
    "vigil.redshift.cluster-not-public",
    ["PubliclyAccessible false", redshiftCluster()],
    ["PubliclyAccessible true", redshiftCluster({ PubliclyAccessible: true })],
  ),
  ...both(
    "vigil.redshift.cluster-requires-ssl",
    ["require_ssl true", redshiftCluster()],
    ["require_ssl false (the default group's value)", redshiftCluster({}, LOGGING_ON, "false")],
  ),
  ...both(
    "vigil.redshift.cluster-automated-snapshots",
    ["AutomatedSnapshotRetentionPeriod 7", redshiftCluster()],
    [
      "AutomatedSnapshotRetentionPeriod 1 (the default)",
      redshiftCluster({ AutomatedSnapshotRetentionPeriod: 1 }),
    ],
  ),
  {
    check: "vigil.redshift.cluster-automated-snapshots",
    name: "AutomatedSnapshotRetentionPeriod 0",
    asset: redshiftCluster({ AutomatedSnapshotRetentionPeriod: 0 }),
    expect: "fail",
    evidence: /off/,
  },
  ...both(
    "vigil.redshift.cluster-audit-logging",
    ["LoggingEnabled true", redshiftCluster()],
    ["LoggingEnabled false", redshiftCluster({}, LOGGING_OFF)],
  ),
  ...both(
    "vigil.redshift.cluster-major-version-upgrade",
    ["AllowVersionUpgrade true", redshiftCluster()],
    ["AllowVersionUpgrade false", redshiftCluster({ AllowVersionUpgrade: false })],
  ),
  ...both(
    "vigil.redshift.cluster-enhanced-vpc-routing",
    ["EnhancedVpcRouting true", redshiftCluster()],
    ["EnhancedVpcRouting false", redshiftCluster({ EnhancedVpcRouting: false })],
  ),
  ...both(
    "vigil.redshift.cluster-custom-admin-username",
    ["MasterUsername warehouse_admin", redshiftCluster()],
    ["MasterUsername awsuser", redshiftCluster({ MasterUsername: "awsuser" })],
  ),
  ...both(
    "vigil.redshift.cluster-custom-database-name",
    ["DBName analytics", redshiftCluster()],
    ["DBName dev", redshiftCluster({ DBName: "dev" })],
  ),
  ...both(
    "vigil.redshift.cluster-encrypted",
    ["Encrypted true", redshiftCluster()],
    ["Encrypted false", redshiftCluster({ Encrypted: false, KmsKeyId: undefined })],
  ),
];
