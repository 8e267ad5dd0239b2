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
