import type { Route, RouteTable, RouteTableAssociation } from "@aws-sdk/client-ec2";
import type { DBInstance, Parameter } from "@aws-sdk/client-rds";
import type { RouteTableListing } from "../../collectors/region-network.ts";
import type { RawOutcome } from "../../discovery/reader.ts";
import { dbInstance, dbSnapshot } from "./aws.ts";

const VPC = "vpc-0a1b2c3d4e5f60718";
export const DB_SUBNET_A = "subnet-0aaa1111bbbb22220";
export const DB_SUBNET_B = "subnet-0ccc3333dddd44440";
export const MAIN_TABLE = "rtb-0main000000000001";
export const PRIVATE_TABLE = "rtb-0private00000001";
export const IGW = "igw-0a1b2c3d4e5f60718";

/** The DB subnet group `DescribeDBInstances` shows for an instance in two subnets of the VPC. */
const DB_SUBNET_GROUP: DBInstance["DBSubnetGroup"] = {
  DBSubnetGroupName: "orders-db",
  DBSubnetGroupDescription: "orders database subnets",
  VpcId: VPC,
  SubnetGroupStatus: "Complete",
  Subnets: [
    {
      SubnetIdentifier: DB_SUBNET_A,
      SubnetAvailabilityZone: { Name: "us-east-1a" },
      SubnetOutpost: {},
      SubnetStatus: "Active",
    },
    {
      SubnetIdentifier: DB_SUBNET_B,
      SubnetAvailabilityZone: { Name: "us-east-1b" },
      SubnetOutpost: {},
      SubnetStatus: "Active",
    },
  ],
  SupportedNetworkTypes: ["IPV4"],
};

const local: Route = {
  DestinationCidrBlock: "10.0.0.0/16",
  GatewayId: "local",
  Origin: "CreateRouteTable",
  State: "active",
};

/** The default route of a private subnet: through a NAT gateway. */
const TO_NAT: Route = {
  DestinationCidrBlock: "0.0.0.0/0",
  NatGatewayId: "nat-0a1b2c3d4e5f60718",
  Origin: "CreateRoute",
  State: "active",
};

/**
 * The region's `DescribeRouteTables` answer: the VPC's main table routing 0.0.0.0/0 (and ::/0) to
 * an internet gateway, and a private table routing 0.0.0.0/0 to a NAT gateway, explicitly
 * associated with the DB subnets named in `privateSubnets` (the others fall back to the main table).
 * `explicitIgw`: a third table, routing only ::/0 to the internet gateway (IPv4 through the NAT
 * gateway), explicitly associated with that subnet.
 */
export const routeTables = (
  privateSubnets: string[] = [DB_SUBNET_A, DB_SUBNET_B],
  explicitIgw?: string,
): RouteTableListing => {
  const association = (table: string, subnet: string, n: number): RouteTableAssociation => ({
    Main: false,
    RouteTableAssociationId: `rtbassoc-0${table.slice(-4)}00000000000${n}`,
    RouteTableId: table,
    SubnetId: subnet,
    AssociationState: { State: "associated" },
  });
  const tables: RouteTable[] = [
    {
      RouteTableId: MAIN_TABLE,
      VpcId: VPC,
      OwnerId: "123456789012",
      Associations: [
        {
          Main: true,
          RouteTableAssociationId: "rtbassoc-0main0000000000001",
          RouteTableId: MAIN_TABLE,
          AssociationState: { State: "associated" },
        },
      ],
      PropagatingVgws: [],
      Routes: [
        local,
        { DestinationCidrBlock: "0.0.0.0/0", GatewayId: IGW, Origin: "CreateRoute", State: "active" },
        { DestinationIpv6CidrBlock: "::/0", GatewayId: IGW, Origin: "CreateRoute", State: "active" },
      ],
      Tags: [],
    },
    {
      RouteTableId: PRIVATE_TABLE,
      VpcId: VPC,
      OwnerId: "123456789012",
      Associations: privateSubnets.map((s, i) => association(PRIVATE_TABLE, s, i)),
      PropagatingVgws: [],
      Routes: [
        local,
        TO_NAT,
        // A gateway detached long ago: a blackhole route reaches nothing.
        {
          DestinationCidrBlock: "198.51.100.0/24",
          GatewayId: "igw-0dead0000000000001",
          Origin: "CreateRoute",
          State: "blackhole",
        },
      ],
      Tags: [{ Key: "Name", Value: "private" }],
    },
  ];
  if (explicitIgw !== undefined)
    tables.push({
      RouteTableId: "rtb-0public00000000001",
      VpcId: VPC,
      OwnerId: "123456789012",
      Associations: [association("rtb-0public00000000001", explicitIgw, 9)],
      PropagatingVgws: [],
      Routes: [
        local,
        TO_NAT,
        { DestinationIpv6CidrBlock: "::/0", GatewayId: IGW, Origin: "CreateRoute", State: "active" },
      ],
      Tags: [{ Key: "Name", Value: "public" }],
    });
  return { RouteTables: tables };
};

/**
 * A PostgreSQL instance as a careful owner configures it, changed by `over`; its group answers
 * `parameters`, the region's route tables `tables` (its DB subnets on the private table), or their failed read.
 */
export const db = (
  over: Partial<DBInstance> = {},
  parameters: Parameter[] = [],
  tables: RouteTableListing | RawOutcome<RouteTableListing> = routeTables(),
) =>
  dbInstance(
    {
      DBInstanceIdentifier: "orders",
      DBInstanceArn: "arn:aws:rds:us-east-1:123456789012:db:orders",
      DBInstanceClass: "db.t4g.medium",
      Engine: "postgres",
      EngineVersion: "16.3",
      DBInstanceStatus: "available",
      PubliclyAccessible: false,
      StorageEncrypted: true,
      KmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1111",
      BackupRetentionPeriod: 7,
      AutoMinorVersionUpgrade: true,
      MultiAZ: true,
      DeletionProtection: true,
      MonitoringInterval: 60,
      MonitoringRoleArn: "arn:aws:iam::123456789012:role/rds-monitoring-role",
      IAMDatabaseAuthenticationEnabled: true,
      CopyTagsToSnapshot: true,
      MasterUsername: "orders_owner",
      EnabledCloudwatchLogsExports: ["postgresql", "upgrade"],
      Endpoint: {
        Address: "orders.c9akciq32.us-east-1.rds.amazonaws.com",
        Port: 6543,
        HostedZoneId: "Z2R2ITUGPM61AM",
      },
      TagList: [{ Key: "team", Value: "orders" }],
      DBParameterGroups: [{ DBParameterGroupName: "default.postgres16", ParameterApplyStatus: "in-sync" }],
      DBSubnetGroup: DB_SUBNET_GROUP,
      ...over,
    },
    parameters,
    tables,
  );
export const snap = (Encrypted: boolean, restore: string[]) =>
  dbSnapshot(
    {
      DBSnapshotIdentifier: "orders-2025-05-31",
      DBSnapshotArn: "arn:aws:rds:us-east-1:123456789012:snapshot:orders-2025-05-31",
      DBInstanceIdentifier: "orders",
      Encrypted,
      SnapshotType: "manual",
    },
    {
      DBSnapshotIdentifier: "orders-2025-05-31",
      DBSnapshotAttributes: [{ AttributeName: "restore", AttributeValues: restore }],
    },
  );
