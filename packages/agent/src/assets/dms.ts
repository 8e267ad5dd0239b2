import * as z from "zod";
import { assetSchemaOf } from "./base.ts";

/** One DMS replication instance, as `DescribeReplicationInstances` lists it. */
export const dmsReplicationInstanceSchema = assetSchemaOf("aws.dms.replication-instance", () =>
  z.object({
    replicationInstanceIdentifier: z.string(),
    /** `PubliclyAccessible`. */
    publiclyAccessible: z.boolean(),
    /** `AutoMinorVersionUpgrade`. */
    autoMinorVersionUpgrade: z.boolean(),
    /** `MultiAZ`. */
    multiAz: z.boolean(),
  }),
);

/** One DMS endpoint, as `DescribeEndpoints` lists it (the settings of its engine included). */
export const dmsEndpointSchema = assetSchemaOf("aws.dms.endpoint", () =>
  z.object({
    endpointIdentifier: z.string(),
    /** `EngineName`: `mysql`, `postgres`, `neptune`, `mongodb`, `redis`, `s3`, ... */
    engineName: z.string(),
    /** `SslMode`: `none`, `require`, `verify-ca`, `verify-full`. */
    sslMode: z.string(),
    /** `NeptuneSettings.IamAuthEnabled` is `true` (Neptune endpoints). */
    neptuneIamAuthEnabled: z.boolean(),
    /** `MongoDbSettings.AuthType` (`no` or `password`; `null` when the endpoint has no MongoDB settings). */
    mongoDbAuthType: z.string().nullable(),
    /** `RedisSettings.SslSecurityProtocol` (`plaintext` or `ssl-encryption`; `null` without Redis settings). */
    redisSslSecurityProtocol: z.string().nullable(),
  }),
);

/** One DMS replication task, as `DescribeReplicationTasks` lists it: the logging part of its settings. */
export const dmsReplicationTaskSchema = assetSchemaOf("aws.dms.replication-task", () =>
  z.object({
    replicationTaskIdentifier: z.string(),
    /** `Logging.EnableLogging` of the task settings (a JSON document). */
    loggingEnabled: z.boolean(),
    /** `Logging.LogComponents`: component id (`SOURCE_UNLOAD`, `TARGET_APPLY`, ...) → severity. */
    logSeverities: z.record(z.string(), z.string()),
  }),
);
