import type {
  Endpoint,
  ReplicationInstance,
  ReplicationTask,
} from "@aws-sdk/client-database-migration-service";
import {
  dmsEndpointAsset,
  dmsReplicationInstanceAsset,
  dmsReplicationTaskAsset,
} from "../../../src/collectors/index.ts";
import { ACCOUNT, REGION } from "../aws-fixtures.ts";
import type { CheckCase } from "../harness.ts";

const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };

/** `DescribeReplicationInstances` → `ReplicationInstances[]`, as DMS returns one. */
const instance = (over: Partial<ReplicationInstance>) =>
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
const endpoint = (over: Partial<Endpoint>) =>
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

const settings = (logging: Record<string, unknown>) =>
  JSON.stringify({ TargetMetadata: { TargetSchema: "", SupportLobs: true }, Logging: logging });
const components = (severity: string) =>
  ["SOURCE_UNLOAD", "SOURCE_CAPTURE", "TARGET_LOAD", "TARGET_APPLY", "TASK_MANAGER"].map((Id) => ({
    Id,
    Severity: severity,
  }));

/** `DescribeReplicationTasks` → `ReplicationTasks[]`, settings included. */
const task = (over: Partial<ReplicationTask>) =>
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

const mixed = settings({
  EnableLogging: true,
  LogComponents: [
    { Id: "SOURCE_UNLOAD", Severity: "LOGGER_SEVERITY_DEBUG" },
    { Id: "SOURCE_CAPTURE", Severity: "LOGGER_SEVERITY_DETAILED_DEBUG" },
    { Id: "TARGET_LOAD", Severity: "LOGGER_SEVERITY_DEFAULT" },
    { Id: "TARGET_APPLY", Severity: "LOGGER_SEVERITY_WARNING" },
  ],
});

export const dmsCases: CheckCase[] = [
  {
    check: "vigil.dms.replication-instance-not-public",
    name: "PubliclyAccessible false",
    asset: instance({}),
    expect: "pass",
  },
  {
    check: "vigil.dms.replication-instance-not-public",
    name: "PubliclyAccessible true",
    asset: instance({ PubliclyAccessible: true, ReplicationInstancePublicIpAddresses: ["3.80.10.20"] }),
    expect: "fail",
  },
  {
    check: "vigil.dms.replication-instance-auto-minor-version-upgrade",
    name: "AutoMinorVersionUpgrade true",
    asset: instance({}),
    expect: "pass",
  },
  {
    check: "vigil.dms.replication-instance-auto-minor-version-upgrade",
    name: "AutoMinorVersionUpgrade false",
    asset: instance({ AutoMinorVersionUpgrade: false }),
    expect: "fail",
  },
  {
    check: "vigil.dms.replication-instance-multi-az",
    name: "MultiAZ true",
    asset: instance({}),
    expect: "pass",
  },
  {
    check: "vigil.dms.replication-instance-multi-az",
    name: "MultiAZ false",
    asset: instance({ MultiAZ: false }),
    expect: "fail",
  },
  {
    check: "vigil.dms.replication-task-target-logging",
    name: "every component at LOGGER_SEVERITY_DEFAULT",
    asset: task({}),
    expect: "pass",
  },
  {
    check: "vigil.dms.replication-task-target-logging",
    name: "TARGET_APPLY at LOGGER_SEVERITY_WARNING",
    asset: task({ ReplicationTaskSettings: mixed }),
    expect: "fail",
    evidence: /TARGET_APPLY/,
  },
  {
    check: "vigil.dms.replication-task-target-logging",
    name: "EnableLogging false",
    asset: task({ ReplicationTaskSettings: settings({ EnableLogging: false, LogComponents: [] }) }),
    expect: "fail",
  },
  {
    check: "vigil.dms.replication-task-source-logging",
    name: "source components at DEBUG and DETAILED_DEBUG",
    asset: task({ ReplicationTaskSettings: mixed }),
    expect: "pass",
  },
  {
    check: "vigil.dms.replication-task-source-logging",
    name: "no SOURCE_CAPTURE component",
    asset: task({
      ReplicationTaskSettings: settings({
        EnableLogging: true,
        LogComponents: [{ Id: "SOURCE_UNLOAD", Severity: "LOGGER_SEVERITY_DEFAULT" }],
      }),
    }),
    expect: "fail",
    evidence: /SOURCE_CAPTURE/,
  },
  {
    check: "vigil.dms.endpoint-ssl-enabled",
    name: "SslMode verify-full",
    asset: endpoint({}),
    expect: "pass",
  },
  {
    check: "vigil.dms.endpoint-ssl-enabled",
    name: "SslMode none",
    asset: endpoint({ SslMode: "none" }),
    expect: "fail",
  },
  {
    check: "vigil.dms.endpoint-neptune-iam-auth",
    name: "Neptune target with IamAuthEnabled",
    asset: endpoint({
      EndpointType: "target",
      EngineName: "neptune",
      NeptuneSettings: {
        ServiceAccessRoleArn: `arn:aws:iam::${ACCOUNT}:role/dms-neptune`,
        S3BucketName: "dms-neptune-staging",
        S3BucketFolder: "orders",
        IamAuthEnabled: true,
      },
    }),
    expect: "pass",
  },
  {
    check: "vigil.dms.endpoint-neptune-iam-auth",
    name: "Neptune target without IAM authorization",
    asset: endpoint({
      EndpointType: "target",
      EngineName: "neptune",
      NeptuneSettings: {
        S3BucketName: "dms-neptune-staging",
        S3BucketFolder: "orders",
        IamAuthEnabled: false,
      },
    }),
    expect: "fail",
  },
  {
    check: "vigil.dms.endpoint-neptune-iam-auth",
    name: "a MySQL endpoint",
    asset: endpoint({}),
    expect: "n/a",
  },
  {
    check: "vigil.dms.endpoint-mongodb-auth-enabled",
    name: "MongoDB with AuthType password",
    asset: endpoint({
      EngineName: "mongodb",
      MongoDbSettings: {
        AuthType: "password",
        AuthMechanism: "scram_sha_1",
        AuthSource: "admin",
        Username: "dms",
      },
    }),
    expect: "pass",
  },
  {
    check: "vigil.dms.endpoint-mongodb-auth-enabled",
    name: "MongoDB with AuthType no",
    asset: endpoint({ EngineName: "mongodb", MongoDbSettings: { AuthType: "no", NestingLevel: "none" } }),
    expect: "fail",
  },
  {
    check: "vigil.dms.endpoint-redis-tls",
    name: "Redis OSS with ssl-encryption",
    asset: endpoint({
      EndpointType: "target",
      EngineName: "redis",
      RedisSettings: {
        ServerName: "cache.example",
        Port: 6379,
        SslSecurityProtocol: "ssl-encryption",
        AuthType: "none",
      },
    }),
    expect: "pass",
  },
  {
    check: "vigil.dms.endpoint-redis-tls",
    name: "Redis OSS in plaintext",
    asset: endpoint({
      EndpointType: "target",
      EngineName: "redis",
      RedisSettings: {
        ServerName: "cache.example",
        Port: 6379,
        SslSecurityProtocol: "plaintext",
        AuthType: "none",
      },
    }),
    expect: "fail",
  },
];
