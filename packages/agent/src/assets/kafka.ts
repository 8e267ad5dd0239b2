import * as z from "zod";
import { assetSchemaOf } from "./base.ts";

/** One Amazon MSK cluster, as `ListClustersV2` lists it (its provisioned settings; serverless has none). */
export const kafkaClusterSchema = assetSchemaOf("aws.kafka.cluster", () =>
  z.object({
    clusterName: z.string(),
    /** `ClusterType`: `PROVISIONED` or `SERVERLESS`. */
    clusterType: z.string(),
    /** `Provisioned.EncryptionInfo.EncryptionInTransit.InCluster` (`null`: serverless). */
    inClusterEncryption: z.boolean().nullable(),
    /** `Provisioned.EnhancedMonitoring`: `DEFAULT`, `PER_BROKER`, `PER_TOPIC_PER_BROKER`, `PER_TOPIC_PER_PARTITION`. */
    enhancedMonitoring: z.string().nullable(),
    /** `…ConnectivityInfo.PublicAccess.Type`: `DISABLED` or `SERVICE_PROVIDED_EIPS`. */
    publicAccessType: z.string().nullable(),
    /** `Provisioned.ClientAuthentication.Unauthenticated.Enabled`. */
    unauthenticatedAccess: z.boolean().nullable(),
  }),
);

/** An MSK Connect connector: its `ListConnectors` summary. */
export const kafkaConnectConnectorSchema = assetSchemaOf("aws.kafkaconnect.connector", () =>
  z.object({
    connectorName: z.string(),
    /** `kafkaClusterEncryptionInTransit.encryptionType`: `TLS` or `PLAINTEXT` to the Kafka cluster. */
    encryptionInTransit: z.string(),
    /** Worker log destinations enabled (`logDelivery.workerLogDelivery`): `cloudWatchLogs`, `firehose`, `s3`. */
    logDestinations: z.array(z.string()),
  }),
);
