import {
  type Cluster,
  DAXClient,
  DescribeClustersCommand,
  type DescribeClustersCommandOutput,
} from "@aws-sdk/client-dax";
import type { AssetOf } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import type { CollectContext } from "./collector.ts";
import { listedCollector, regionalAsset, type Where } from "./listed.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ dax: DAXClient });

/** A DAX cluster as `DescribeClusters` lists it. */
export function daxClusterAsset(c: Where, cluster: Cluster): AssetOf<"aws.dax.cluster"> {
  const name = cluster.ClusterName ?? "";
  const sse = cluster.SSEDescription?.Status;
  return regionalAsset(
    c,
    "aws.dax.cluster",
    { arn: cluster.ClusterArn ?? `arn:${c.partition}:dax:${c.region}:${c.accountId}:cache/${name}`, name },
    {
      clusterName: name,
      encryptedAtRest: sse === "ENABLED" || sse === "ENABLING",
      // Clusters created before encryption in transit existed carry no value: they accept clear text.
      endpointEncryption: cluster.ClusterEndpointEncryptionType ?? "NONE",
    },
    new UnreadFields(),
  );
}

/** `DescribeClusters`' pages (the SDK has no paginator for DAX): NextToken, MaxResults 20..100. */
async function* clusterPages(c: CollectContext): AsyncIterable<DescribeClustersCommandOutput> {
  let token: string | undefined;
  do {
    const page = await c.clients.dax.send(new DescribeClustersCommand({ MaxResults: 100, NextToken: token }));
    yield page;
    token = page.NextToken;
  } while (token);
}

export const daxClustersCollector = listedCollector({
  id: "dax-clusters",
  type: "aws.dax.cluster",
  service: "dax",
  command: "describe-clusters",
  pages: clusterPages,
  items: (listing) => listing.Clusters,
  asset: async (c, cluster) => daxClusterAsset(c, cluster),
});
