import { lazySchema } from "@vigil/events";
import * as z from "zod";
import { assetSchemaOf } from "./base.ts";
import { dbParameterGroupSchema } from "./db-parameters.ts";

/**
 * One Redshift provisioned cluster: `DescribeClusters`, its audit logging (`DescribeLoggingStatus`)
 * and its parameter group's `require_ssl` (`DescribeClusterParameters`).
 */
export const redshiftClusterSchema = assetSchemaOf("aws.redshift.cluster", () =>
  z.object({
    clusterIdentifier: z.string(),
    /** `PubliclyAccessible`. */
    publiclyAccessible: z.boolean(),
    /** `Encrypted`: data at rest encrypted with a KMS key. */
    encrypted: z.boolean(),
    /** `AutomatedSnapshotRetentionPeriod`: days automated snapshots are kept (0: none). */
    automatedSnapshotRetentionPeriod: z.number().int().nonnegative(),
    /** `AllowVersionUpgrade`: major version upgrades applied in the maintenance window. */
    allowVersionUpgrade: z.boolean(),
    /** `EnhancedVpcRouting`. */
    enhancedVpcRouting: z.boolean(),
    /** `MasterUsername` (the console's default is `awsuser`). */
    masterUsername: z.string(),
    /** `DBName` (the default is `dev`). */
    dbName: z.string(),
    /** `DescribeLoggingStatus` `LoggingEnabled`. */
    loggingEnabled: z.boolean(),
    /** The `require_ssl` parameter of the cluster's parameter group is `true`. */
    requireSsl: z.boolean(),
    /**
     * Its VPC security groups (`DescribeSecurityGroups`) with an ingress rule that admits the
     * cluster's port from anywhere (`0.0.0.0/0` or `::/0`).
     */
    securityGroupsOpenOnPort: z.array(z.string()),
    /** `MultiAZ` is `Enabled`: compute in a second Availability Zone (absent from older clusters' answers: off). */
    multiAz: z.boolean(),
  }),
);

/** One OpenSearch Service domain: `DescribeDomain` `DomainStatus`. */
export const openSearchDomainSchema = assetSchemaOf("aws.opensearch.domain", () =>
  z.object({
    domainName: z.string(),
    /** `EncryptionAtRestOptions.Enabled`. */
    encryptionAtRest: z.boolean(),
    /** `VPCOptions.VPCId` is set: the domain has VPC endpoints, not a public one. */
    inVpc: z.boolean(),
    /** `NodeToNodeEncryptionOptions.Enabled`. */
    nodeToNodeEncryption: z.boolean(),
    /** `LogPublishingOptions.ES_APPLICATION_LOGS` enabled, with a CloudWatch Logs group. */
    errorLogsToCloudWatch: z.boolean(),
    /** `LogPublishingOptions.AUDIT_LOGS` enabled. */
    auditLogs: z.boolean(),
    /** `ClusterConfig.InstanceCount`: data nodes. */
    instanceCount: z.number().int().nonnegative(),
    /** `ClusterConfig.ZoneAwarenessEnabled`. */
    zoneAwareness: z.boolean(),
    /** `ClusterConfig.DedicatedMasterEnabled`, and `DedicatedMasterCount` (0 without). */
    dedicatedMasterCount: z.number().int().nonnegative(),
    /** `AdvancedSecurityOptions.Enabled`: fine-grained access control. */
    fineGrainedAccessControl: z.boolean(),
    /** `DomainEndpointOptions.EnforceHTTPS`. */
    enforceHttps: z.boolean(),
    /** `DomainEndpointOptions.TLSSecurityPolicy`, e.g. `Policy-Min-TLS-1-2-PFS-2023-10`. */
    tlsSecurityPolicy: z.string(),
    /** `ServiceSoftwareOptions.UpdateAvailable`. */
    softwareUpdateAvailable: z.boolean(),
  }),
);

/** A DocumentDB, Neptune or RDS cluster, as the RDS API's `DescribeDBClusters` describes it. */
const dbClusterConfig = lazySchema(() =>
  z.object({
    dbClusterIdentifier: z.string(),
    /** `Engine`: `docdb` or `neptune`. */
    engine: z.string(),
    storageEncrypted: z.boolean(),
    /** `BackupRetentionPeriod`, days. */
    backupRetentionPeriod: z.number().int().nonnegative(),
    deletionProtection: z.boolean(),
    /** `EnabledCloudwatchLogsExports`, e.g. `audit`, `profiler`, `slowquery`. */
    cloudwatchLogsExports: z.array(z.string()),
    /** `IAMDatabaseAuthenticationEnabled`. */
    iamDatabaseAuthentication: z.boolean(),
    /** `CopyTagsToSnapshot`. */
    copyTagsToSnapshot: z.boolean(),
    /** `MultiAZ`: instances in more than one Availability Zone. */
    multiAZ: z.boolean(),
    /** Its DB cluster parameter group (`DBClusterParameterGroup`) and the checked parameters' values. */
    parameterGroup: dbParameterGroupSchema,
  }),
);

/**
 * An RDS DB cluster (Aurora MySQL or PostgreSQL, or a Multi-AZ DB cluster of RDS for MySQL or
 * PostgreSQL), from the same `DescribeDBClusters` listing, with what only RDS clusters have.
 */
const rdsClusterConfig = lazySchema(() =>
  dbClusterConfig.extend({
    /** `Engine`: `aurora-mysql`, `aurora-postgresql`, `mysql`, `postgres` (`aurora`: Aurora MySQL 1). */
    engine: z.string(),
    /** `MasterUsername` (null when the answer has none). */
    masterUsername: z.string().nullable(),
    /** `BacktrackWindow`, seconds (Aurora MySQL; 0 when backtracking is off). */
    backtrackWindow: z.number().int().nonnegative(),
    /** `AutoMinorVersionUpgrade`: given for Multi-AZ DB clusters only (Aurora sets it per instance). */
    autoMinorVersionUpgrade: z.boolean().optional(),
  }),
);

/** A DocumentDB or Neptune cluster snapshot: `DescribeDBClusterSnapshots` + its `restore` attribute. */
const dbClusterSnapshotConfig = lazySchema(() =>
  z.object({
    dbClusterSnapshotIdentifier: z.string(),
    /** `SnapshotType`: `manual`, `automated`, ... Only manual snapshots can be shared. */
    snapshotType: z.string(),
    storageEncrypted: z.boolean(),
    /** The `restore` attribute's values: account ids, or `all` (public). */
    restoreAttributeValues: z.array(z.string()),
  }),
);

export const docDbClusterSchema = assetSchemaOf("aws.docdb.cluster", () => dbClusterConfig);
export const docDbClusterSnapshotSchema = assetSchemaOf(
  "aws.docdb.cluster-snapshot",
  () => dbClusterSnapshotConfig,
);
export const neptuneClusterSchema = assetSchemaOf("aws.neptune.cluster", () => dbClusterConfig);
export const rdsClusterSchema = assetSchemaOf("aws.rds.cluster", () => rdsClusterConfig);
export const neptuneClusterSnapshotSchema = assetSchemaOf(
  "aws.neptune.cluster-snapshot",
  () => dbClusterSnapshotConfig,
);
