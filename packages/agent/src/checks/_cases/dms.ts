import type {
  Endpoint,
  ReplicationInstance,
  ReplicationTask,
} from "@aws-sdk/client-database-migration-service";
import {
  dmsEndpointAsset,
  dmsReplicationInstanceAsset,
  dmsReplicationTaskAsset,
} from "../../collectors/index.ts";
import { ACCOUNT, REGION } from "./aws.ts";

export const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };
/** `DescribeReplicationInstances` → `ReplicationInstances[]`, as DMS returns one. */
export const instance = (over: Partial<ReplicationInstance>) =>
  dmsReplicationInstanceAsset(WHERE, {
    ReplicationInstanceIdentifier: "orders-migration",
    ReplicationInstanceClass: "dms.t3.medium",
    ReplicationInstanceStatus: "available",
    AllocatedStorage: 50,
    InstanceCreateTime: new Date("2025-01-10T09:00:00Z"),
    AvailabilityZone: `${REGION}a`,
    EngineVersion: "3.5.3",
    AutoMinorVersionUpgrade: true,
    KmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:key/0f2b6c3e-1111-4222-8333-444455556666`,
    ReplicationInstanceArn: `arn:aws:dms:${REGION}:${ACCOUNT}:rep:ABCDEFGHIJKLMNOP`,
    ReplicationInstancePrivateIpAddresses: ["10.0.1.20"],
    ReplicationInstancePublicIpAddresses: [],
    PubliclyAccessible: false,
    MultiAZ: true,
    NetworkType: "IPV4",
    ...over,
  });
/** `DescribeEndpoints` → `Endpoints[]`. */
export const endpoint = (over: Partial<Endpoint>) =>
  dmsEndpointAsset(WHERE, {
    EndpointIdentifier: "orders-source",
    EndpointType: "source",
    EngineName: "mysql",
    EngineDisplayName: "MySQL",
    ServerName: "orders.cluster-abc.us-east-1.rds.amazonaws.com",
    Port: 3306,
    Username: "dms",
    Status: "active",
    EndpointArn: `arn:aws:dms:${REGION}:${ACCOUNT}:endpoint:QRSTUVWXYZ123456`,
    SslMode: "verify-full",
    ...over,
  });
export const settings = (logging: Record<string, unknown>) =>
  JSON.stringify({ TargetMetadata: { TargetSchema: "", SupportLobs: true }, Logging: logging });
export const components = (severity: string) =>
  ["SOURCE_UNLOAD", "SOURCE_CAPTURE", "TARGET_LOAD", "TARGET_APPLY", "TASK_MANAGER"].map((Id) => ({
    Id,
    Severity: severity,
  }));
/** `DescribeReplicationTasks` → `ReplicationTasks[]`, settings included. */
export const task = (over: Partial<ReplicationTask>) =>
  dmsReplicationTaskAsset(WHERE, {
    ReplicationTaskIdentifier: "orders-full-load",
    SourceEndpointArn: `arn:aws:dms:${REGION}:${ACCOUNT}:endpoint:QRSTUVWXYZ123456`,
    TargetEndpointArn: `arn:aws:dms:${REGION}:${ACCOUNT}:endpoint:ZYXWVUTSRQ654321`,
    ReplicationInstanceArn: `arn:aws:dms:${REGION}:${ACCOUNT}:rep:ABCDEFGHIJKLMNOP`,
    MigrationType: "full-load-and-cdc",
    TableMappings: '{"rules":[]}',
    Status: "running",
    ReplicationTaskArn: `arn:aws:dms:${REGION}:${ACCOUNT}:task:TASK000000000001`,
    ReplicationTaskSettings: settings({
      EnableLogging: true,
      LogComponents: components("LOGGER_SEVERITY_DEFAULT"),
    }),
    ...over,
  });
export const mixed = settings({
  EnableLogging: true,
  LogComponents: [
    { Id: "SOURCE_UNLOAD", Severity: "LOGGER_SEVERITY_DEBUG" },
    { Id: "SOURCE_CAPTURE", Severity: "LOGGER_SEVERITY_DETAILED_DEBUG" },
    { Id: "TARGET_LOAD", Severity: "LOGGER_SEVERITY_DEFAULT" },
    { Id: "TARGET_APPLY", Severity: "LOGGER_SEVERITY_WARNING" },
  ],
});
