import {
  DescribeStreamSummaryCommand,
  type DescribeStreamSummaryCommandOutput,
  KinesisClient,
  paginateListStreams,
} from "@aws-sdk/client-kinesis";
import type { AssetOf } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import { listedCollector, regionalAsset, type Where } from "./listed.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ kinesis: KinesisClient });

type Stream = AssetOf<"aws.kinesis.stream">;

/**
 * A stream as `ListStreams` names it (`StreamNames`, which every API version returns) and
 * `DescribeStreamSummary` describes it; a failed read leaves its fields unread.
 */
export function kinesisStreamAsset(
  c: Where,
  name: string,
  summary: RawOutcome<Pick<DescribeStreamSummaryCommandOutput, "StreamDescriptionSummary">>,
): Stream {
  const unread = new UnreadFields();
  const config: Partial<Stream["config"]> = { streamName: name };
  let arn = `arn:${c.partition}:kinesis:${c.region}:${c.accountId}:stream/${name}`;
  if (!unread.failed(summary, "encryptionType", "retentionPeriodHours") && summary.ok) {
    const s = summary.value.StreamDescriptionSummary;
    arn = s?.StreamARN ?? arn;
    config.encryptionType = s?.EncryptionType ?? "NONE";
    // Kinesis's default retention.
    config.retentionPeriodHours = s?.RetentionPeriodHours ?? 24;
  }
  return regionalAsset(c, "aws.kinesis.stream", { arn, name }, config, unread);
}

export const kinesisStreamsCollector = listedCollector({
  id: "kinesis-streams",
  type: "aws.kinesis.stream",
  service: "kinesis",
  command: "list-streams",
  pages: (c) => paginateListStreams({ client: c.clients.kinesis, pageSize: 100 }, {}),
  items: (listing) => listing.StreamNames,
  async asset(c, name) {
    const summary = await c.read.one(
      { scope: c.region, service: "kinesis", command: "describe-stream-summary", resource: name },
      () => c.clients.kinesis.send(new DescribeStreamSummaryCommand({ StreamName: name })),
    );
    return kinesisStreamAsset(c, name, summary);
  },
});
