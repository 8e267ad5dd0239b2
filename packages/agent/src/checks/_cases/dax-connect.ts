import type { Cluster } from "@aws-sdk/client-dax";
import type { ConnectorSummary } from "@aws-sdk/client-kafkaconnect";
import { daxClusterAsset } from "../../collectors/dax.ts";
import { kafkaConnectConnectorAsset } from "../../collectors/kafkaconnect.ts";
import { ACCOUNT, REGION } from "./aws.ts";

const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };

/** A `DescribeClusters` (DAX) `Clusters[]` entry, encrypted at rest and in transit. */
export const daxCluster = (over: Partial<Cluster> = {}) =>
  daxClusterAsset(WHERE, {
    ClusterName: "sessions",
    ClusterArn: `arn:aws:dax:${REGION}:${ACCOUNT}:cache/sessions`,
    TotalNodes: 3,
    ActiveNodes: 3,
    NodeType: "dax.r5.large",
    Status: "available",
    ClusterDiscoveryEndpoint: {
      Address: `sessions.abc123.dax-clusters.${REGION}.amazonaws.com`,
      Port: 9111,
      URL: `daxs://sessions.abc123.dax-clusters.${REGION}.amazonaws.com`,
    },
    SubnetGroup: "dax-private",
    IamRoleArn: `arn:aws:iam::${ACCOUNT}:role/dax-access`,
    SSEDescription: { Status: "ENABLED" },
    ClusterEndpointEncryptionType: "TLS",
    ...over,
  });

/** A `ListConnectors` `connectors[]` summary: TLS to the cluster, worker logs to CloudWatch Logs. */
export const connector = (over: Partial<ConnectorSummary> = {}) =>
  kafkaConnectConnectorAsset(WHERE, {
    connectorArn: `arn:aws:kafkaconnect:${REGION}:${ACCOUNT}:connector/orders-sink/0a1b2c3d-4e5f-6789-abcd-ef0123456789-2`,
    connectorName: "orders-sink",
    connectorState: "RUNNING",
    kafkaConnectVersion: "2.7.1",
    kafkaClusterClientAuthentication: { authenticationType: "IAM" },
    kafkaClusterEncryptionInTransit: { encryptionType: "TLS" },
    logDelivery: {
      workerLogDelivery: {
        cloudWatchLogs: { enabled: true, logGroup: "connect-orders-sink" },
        firehose: { enabled: false },
        s3: { enabled: false },
      },
    },
    serviceExecutionRoleArn: `arn:aws:iam::${ACCOUNT}:role/connect`,
    ...over,
  });
