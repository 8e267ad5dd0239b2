import { type Cluster, KafkaClient, paginateListClustersV2 } from "@aws-sdk/client-kafka";
import type { AssetOf } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import { listedCollector, regionalAsset, type Where } from "./listed.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ kafka: KafkaClient });

/**
 * An MSK cluster as `ListClustersV2` lists it: the listing holds all the checks need. A serverless
 * cluster has no provisioned settings (its fields are `null`: the checks do not apply).
 */
export function kafkaClusterAsset(c: Where, k: Cluster): AssetOf<"aws.kafka.cluster"> {
  const name = k.ClusterName ?? "";
  const p = k.ClusterType === "SERVERLESS" ? undefined : k.Provisioned;
  return regionalAsset(
    c,
    "aws.kafka.cluster",
    {
      arn: k.ClusterArn ?? `arn:${c.partition}:kafka:${c.region}:${c.accountId}:cluster/${name}`,
      name,
      tags: k.Tags,
    },
    {
      clusterName: name,
      clusterType: k.ClusterType ?? "PROVISIONED",
      // MSK's defaults when a setting was never given: TLS between brokers, basic monitoring, no public access.
      inClusterEncryption: p ? p.EncryptionInfo?.EncryptionInTransit?.InCluster !== false : null,
      enhancedMonitoring: p ? (p.EnhancedMonitoring ?? "DEFAULT") : null,
      publicAccessType: p
        ? (p.BrokerNodeGroupInfo?.ConnectivityInfo?.PublicAccess?.Type ?? "DISABLED")
        : null,
      unauthenticatedAccess: p ? p.ClientAuthentication?.Unauthenticated?.Enabled === true : null,
    },
    new UnreadFields(),
  );
}

export const kafkaClustersCollector = listedCollector({
  id: "kafka-clusters",
  type: "aws.kafka.cluster",
  service: "kafka",
  command: "list-clusters-v2",
  pages: (c) => paginateListClustersV2({ client: c.clients.kafka, pageSize: 100 }, {}),
  items: (listing) => listing.ClusterInfoList,
  asset: async (c, k) => kafkaClusterAsset(c, k),
});
