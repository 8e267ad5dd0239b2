import * as z from "zod";
import { assetSchemaOf } from "./base.ts";

/** One DynamoDB table: `DescribeTable` + `DescribeContinuousBackups`. */
export const dynamoDbTableSchema = assetSchemaOf("aws.dynamodb.table", () =>
  z.object({
    tableName: z.string(),
    /** `DeletionProtectionEnabled`. */
    deletionProtectionEnabled: z.boolean(),
    /**
     * `SSEDescription.SSEType` when encryption at rest uses a KMS key (`KMS`); `AWS_OWNED` when the
     * table has no `SSEDescription` (DynamoDB's default, a key AWS owns).
     */
    sseType: z.enum(["AWS_OWNED", "KMS"]),
    /** `PointInTimeRecoveryDescription.PointInTimeRecoveryStatus` is `ENABLED`. */
    pointInTimeRecoveryEnabled: z.boolean(),
    /** `BillingModeSummary.BillingMode` (`PROVISIONED` when absent: tables made before on-demand existed). */
    billingMode: z.enum(["PROVISIONED", "PAY_PER_REQUEST"]),
    /**
     * The provisioned capacities no Application Auto Scaling target scales, as `table/<name>` or
     * `table/<name>/index/<index>` with `read` or `write` (`table/orders:read`); empty for an
     * on-demand table. From `DescribeTable` (the global secondary indexes) and
     * `DescribeScalableTargets` of the `dynamodb` namespace.
     */
    capacityWithoutAutoScaling: z.array(z.string()),
  }),
);

/** A DynamoDB Accelerator (DAX) cluster: `DescribeClusters` (DAX API). */
export const daxClusterSchema = assetSchemaOf("aws.dax.cluster", () =>
  z.object({
    clusterName: z.string(),
    /** `SSEDescription.Status` is `ENABLED` (or `ENABLING`): the nodes' data is encrypted at rest. */
    encryptedAtRest: z.boolean(),
    /** `ClusterEndpointEncryptionType`: `TLS`, or `NONE` (clients connect in clear text). */
    endpointEncryption: z.string(),
  }),
);
