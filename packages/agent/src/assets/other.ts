import { lazySchema } from "@vigil/events";
import * as z from "zod";
import { assetSchemaOf, isoDate } from "./base.ts";
import { dbParameterGroupSchema } from "./db-parameters.ts";

export const rdsInstanceSchema = assetSchemaOf("aws.rds.instance", () =>
  z.object({
    dbInstanceIdentifier: z.string(),
    engine: z.string(),
    engineVersion: z.string(),
    publiclyAccessible: z.boolean(),
    storageEncrypted: z.boolean(),
    backupRetentionPeriod: z.number().int().nonnegative(),
    autoMinorVersionUpgrade: z.boolean(),
    multiAZ: z.boolean(),
    deletionProtection: z.boolean(),
    /** Enhanced Monitoring's interval in seconds; 0 is off. */
    monitoringInterval: z.number().int().nonnegative(),
    iamDatabaseAuthenticationEnabled: z.boolean(),
    copyTagsToSnapshot: z.boolean(),
    /** The endpoint's port; `null` while the instance has no endpoint yet. */
    port: z.number().int().positive().nullable(),
    masterUsername: z.string().nullable(),
    /** `EnabledCloudwatchLogsExports`: the logs published to CloudWatch Logs (AWS omits it when none are). */
    cloudwatchLogsExports: z.array(z.string()),
    /** Its DB parameter group (`DBParameterGroups[0]`) and the checked parameters' values. */
    parameterGroup: dbParameterGroupSchema,
    /**
     * The subnets of its DB subnet group whose route table (`DescribeRouteTables`: the one
     * explicitly associated with the subnet, else its VPC's main table) has an active route to an
     * internet gateway (`igw-…`), with that table and gateway. Empty when none is, and for an
     * instance without a DB subnet group (not in a VPC).
     */
    subnetsRoutedToInternetGateway: z.array(
      z.object({ subnetId: z.string(), routeTableId: z.string(), gatewayId: z.string() }),
    ),
  }),
);

export const rdsSnapshotSchema = assetSchemaOf("aws.rds.snapshot", () =>
  z.object({
    dbSnapshotIdentifier: z.string(),
    encrypted: z.boolean(),
    /** `DescribeDBSnapshotAttributes` `restore` values; `all` means public. */
    restoreAttributeValues: z.array(z.string()),
  }),
);

/** One `DescribeEventSubscriptions` entry: what RDS sends to SNS, for which sources and categories. */
export const rdsEventSubscriptionSchema = lazySchema(() =>
  z.object({
    subscriptionName: z.string(),
    enabled: z.boolean(),
    /** `SourceType`: `db-instance`, `db-cluster`, `db-parameter-group`, `db-security-group`, …; null: every type. */
    sourceType: z.string().nullable(),
    /** `EventCategoriesList`; empty: every category. */
    eventCategories: z.array(z.string()),
    /** `SourceIdsList`; empty: every source of the type. */
    sourceIds: z.array(z.string()),
  }),
);
export type RdsEventSubscription = z.infer<typeof rdsEventSubscriptionSchema>;

/** One RDS Proxy, as `DescribeDBProxies` lists it. */
export const rdsDbProxySchema = assetSchemaOf("aws.rds.db-proxy", () =>
  z.object({
    dbProxyName: z.string(),
    /** `EngineFamily`: `MYSQL`, `POSTGRESQL`, `SQLSERVER`. */
    engineFamily: z.string(),
    /** `RequireTLS`: connections from clients to the proxy must use TLS. */
    requireTls: z.boolean(),
  }),
);

/** Per-region RDS settings; `arn` is `<account>/<region>`. */
export const rdsAccountSettingsSchema = assetSchemaOf("aws.rds.account-settings", () =>
  z.object({
    /** The region's event notification subscriptions (`DescribeEventSubscriptions`). */
    eventSubscriptions: z.array(rdsEventSubscriptionSchema),
  }),
);

export const cloudTrailTrailSchema = assetSchemaOf("aws.cloudtrail.trail", () =>
  z.object({
    homeRegion: z.string(),
    isMultiRegionTrail: z.boolean(),
    isOrganizationTrail: z.boolean(),
    logFileValidationEnabled: z.boolean(),
    kmsKeyId: z.string().nullable(),
    /** `GetTrailStatus` `IsLogging`. */
    isLogging: z.boolean(),
    cloudWatchLogsLogGroupArn: z.string().nullable(),
  }),
);

/**
 * The account's CloudTrail coverage (`arn` is the account id), linked from every region's trails:
 * the multi-region trails that are logging and record read and write management events.
 */
export const cloudTrailAccountSchema = assetSchemaOf("aws.cloudtrail.account-settings", () =>
  z.object({
    multiRegionManagementTrails: z.array(z.string()),
  }),
);

export const kmsKeySchema = assetSchemaOf("aws.kms.key", () =>
  z.object({
    keyId: z.string(),
    keyManager: z.enum(["AWS", "CUSTOMER"]),
    keySpec: z.string(),
    keyState: z.string(),
    origin: z.string(),
    /** `GetKeyRotationStatus`; `null` where the API does not apply (asymmetric, imported, AWS managed). */
    keyRotationEnabled: z.boolean().nullable(),
    /**
     * The key policy (`GetKeyPolicy`) allows any principal without a condition tying it to a known
     * caller; `null` where it is not read (AWS managed keys, keys pending deletion).
     */
    keyPolicyPublic: z.boolean().nullable(),
  }),
);

/** The CIS 4.x CloudWatch metric filter + alarm patterns, in CIS order. */
export const CIS_MONITORING_PATTERNS = [
  "unauthorized-api-calls",
  "console-signin-without-mfa",
  "root-account-usage",
  "iam-policy-changes",
  "cloudtrail-configuration-changes",
  "console-authentication-failures",
  "cmk-disable-or-scheduled-deletion",
  "s3-bucket-policy-changes",
  "aws-config-changes",
  "security-group-changes",
  "nacl-changes",
  "network-gateway-changes",
  "route-table-changes",
  "vpc-changes",
  "organizations-changes",
] as const;
export type CisMonitoringPattern = (typeof CIS_MONITORING_PATTERNS)[number];

/**
 * Per region (`arn` `<account>/<region>`): which CIS patterns have a metric filter on a log group
 * fed by a multi-region trail, with an alarm that has an SNS subscriber.
 */
export const cisMonitoringSchema = assetSchemaOf("aws.logs.cis-monitoring", () =>
  z.object({
    patterns: z.record(z.enum(CIS_MONITORING_PATTERNS), z.boolean()),
  }),
);

export const lambdaFunctionSchema = assetSchemaOf("aws.lambda.function", () =>
  z.object({
    functionName: z.string(),
    /** Absent for container-image functions. */
    runtime: z.string().optional(),
    packageType: z.enum(["Zip", "Image"]),
    /** `VpcConfig.VpcId`, `null` when the function is not attached to a VPC. */
    vpcId: z.string().nullable(),
    /**
     * The Availability Zones of its VPC subnets (`VpcConfig.SubnetIds`, as the region's
     * `DescribeSubnets` places them), distinct and sorted; `null` when not attached to a VPC.
     */
    vpcAvailabilityZones: z.array(z.string()).nullable(),
    /**
     * The resource-based policy (`GetPolicy`) allows any principal without a condition tying it to a
     * known caller (a function URL with `AuthType NONE` included); false when it has none.
     */
    policyPublic: z.boolean(),
  }),
);

export const eksClusterSchema = assetSchemaOf("aws.eks.cluster", () =>
  z.object({
    version: z.string(),
    endpointPublicAccess: z.boolean(),
    publicAccessCidrs: z.array(z.string()),
    /** `encryptionConfig` lists `secrets`. */
    secretsEncrypted: z.boolean(),
    /** `logging.clusterLogging` types that are enabled. */
    enabledLogTypes: z.array(z.string()),
  }),
);

export const efsFileSystemSchema = assetSchemaOf("aws.efs.file-system", () =>
  z.object({
    fileSystemId: z.string(),
    encrypted: z.boolean(),
    /** `DescribeBackupPolicy` `Status` is `ENABLED` or `ENABLING` (no policy: false). */
    automaticBackups: z.boolean(),
    /**
     * The subnets of its mount targets (`DescribeMountTargets`) that assign public IPv4 addresses on
     * launch (`MapPublicIpOnLaunch`, from the region's `DescribeSubnets`).
     */
    mountTargetsInAutoPublicIpSubnets: z.array(z.string()),
    /**
     * The region's AWS Backup plans whose resource assignments select it (by ARN, conditions or
     * tags; `ListBackupPlans`, `ListBackupSelections`, `GetBackupSelection`).
     */
    backupPlans: z.array(z.string()),
  }),
);

/** One EFS access point, as `DescribeAccessPoints` lists it. */
export const efsAccessPointSchema = assetSchemaOf("aws.efs.access-point", () =>
  z.object({
    accessPointId: z.string(),
    fileSystemId: z.string(),
    /** `RootDirectory.Path`: the directory clients see as `/` (`/` when none is set). */
    rootDirectory: z.string(),
    /** `PosixUser` is set: every request through the access point runs as that user. */
    enforcesUser: z.boolean(),
  }),
);

/** Per region (`arn` `<account>/<region>`): `DescribeConfigurationRecorders` + `...RecorderStatus`. */
export const configSettingsSchema = assetSchemaOf("aws.config.account-settings", () =>
  z.object({
    recorders: z.array(
      z.object({
        name: z.string(),
        allSupported: z.boolean(),
        recording: z.boolean(),
        /** `lastStatus`: `Pending`, `Success` or `Failure`. */
        lastStatus: z.string().nullable(),
      }),
    ),
  }),
);

/** Per region (`arn` `<account>/<region>`): `DescribeHub` succeeded (`InvalidAccessException` means not enabled). */
export const securityHubSettingsSchema = assetSchemaOf("aws.securityhub.account-settings", () =>
  z.object({
    hubEnabled: z.boolean(),
    subscribedAt: isoDate.nullable(),
  }),
);
