import type { Cluster, Provisioned } from "@aws-sdk/client-kafka";
import { kafkaClusterAsset } from "../../collectors/index.ts";
import { ACCOUNT, REGION } from "./aws.ts";

export const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };
export const ARN = `arn:aws:kafka:${REGION}:${ACCOUNT}:cluster/orders/0f3c6a1e-2b4d-4e5f-9a8b-7c6d5e4f3a2b-2`;
/** `ListClustersV2` → `ClusterInfoList[]`: a provisioned cluster. */
export const provisioned = (over: Partial<Provisioned>) =>
  kafkaClusterAsset(WHERE, {
    ClusterType: "PROVISIONED",
    ClusterArn: ARN,
    ClusterName: "orders",
    CreationTime: new Date("2025-02-01T10:00:00Z"),
    CurrentVersion: "K3AEGXETSR30VB",
    State: "ACTIVE",
    Tags: { team: "data" },
    Provisioned: {
      BrokerNodeGroupInfo: {
        BrokerAZDistribution: "DEFAULT",
        ClientSubnets: ["subnet-0a1b2c3d4e5f60718", "subnet-0b1c2d3e4f5a60719"],
        InstanceType: "kafka.m5.large",
        SecurityGroups: ["sg-0123456789abcdef0"],
        StorageInfo: { EbsStorageInfo: { VolumeSize: 100 } },
        ConnectivityInfo: { PublicAccess: { Type: "DISABLED" } },
      },
      CurrentBrokerSoftwareInfo: { KafkaVersion: "3.6.0" },
      ClientAuthentication: { Sasl: { Iam: { Enabled: true } }, Unauthenticated: { Enabled: false } },
      EncryptionInfo: {
        EncryptionAtRest: {
          DataVolumeKMSKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1a2b3c4d-0000-4111-8222-333344445555`,
        },
        EncryptionInTransit: { ClientBroker: "TLS", InCluster: true },
      },
      EnhancedMonitoring: "PER_TOPIC_PER_BROKER",
      NumberOfBrokerNodes: 2,
      ...over,
    },
  });
export const serverless: Cluster = {
  ClusterType: "SERVERLESS",
  ClusterArn: `arn:aws:kafka:${REGION}:${ACCOUNT}:cluster/events/1f3c6a1e-2b4d-4e5f-9a8b-7c6d5e4f3a2b-s1`,
  ClusterName: "events",
  State: "ACTIVE",
  Serverless: {
    VpcConfigs: [{ SubnetIds: ["subnet-0a1b2c3d4e5f60718"], SecurityGroupIds: ["sg-0123456789abcdef0"] }],
    ClientAuthentication: { Sasl: { Iam: { Enabled: true } } },
  },
};
