import {
  type ConnectorSummary,
  KafkaConnectClient,
  paginateListConnectors,
} from "@aws-sdk/client-kafkaconnect";
import type { AssetOf } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import { listedCollector, regionalAsset, type Where } from "./listed.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ kafkaconnect: KafkaConnectClient });

/** An MSK Connect connector as `ListConnectors` summarises it (the summary holds what the checks need). */
export function kafkaConnectConnectorAsset(
  c: Where,
  s: ConnectorSummary,
): AssetOf<"aws.kafkaconnect.connector"> {
  const name = s.connectorName ?? "";
  const workers = s.logDelivery?.workerLogDelivery;
  const logDestinations = (
    [
      ["cloudWatchLogs", workers?.cloudWatchLogs?.enabled],
      ["firehose", workers?.firehose?.enabled],
      ["s3", workers?.s3?.enabled],
    ] as const
  ).flatMap(([destination, enabled]) => (enabled === true ? [destination] : []));
  return regionalAsset(
    c,
    "aws.kafkaconnect.connector",
    {
      arn: s.connectorArn ?? `arn:${c.partition}:kafkaconnect:${c.region}:${c.accountId}:connector/${name}`,
      name,
    },
    {
      connectorName: name,
      encryptionInTransit: s.kafkaClusterEncryptionInTransit?.encryptionType ?? "PLAINTEXT",
      logDestinations,
    },
    new UnreadFields(),
  );
}

export const kafkaConnectConnectorsCollector = listedCollector({
  id: "kafkaconnect-connectors",
  type: "aws.kafkaconnect.connector",
  service: "kafkaconnect",
  command: "list-connectors",
  pages: (c) => paginateListConnectors({ client: c.clients.kafkaconnect, pageSize: 100 }, {}),
  items: (listing) => listing.connectors,
  asset: async (c, s) => kafkaConnectConnectorAsset(c, s),
});
