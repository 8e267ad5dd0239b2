import {
  GetTopicAttributesCommand,
  type GetTopicAttributesResponse,
  paginateListTopics,
  SNSClient,
} from "@aws-sdk/client-sns";
import { type AssetOf, policyAllowsPublicAccess } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import { listedCollector, regionalAsset, type Where } from "./listed.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ sns: SNSClient });

type Topic = AssetOf<"aws.sns.topic">;

/** Endpoint protocols whose delivery status SNS can log, by the prefix of their feedback role attribute. */
const FEEDBACK_PROTOCOLS = ["Application", "Firehose", "HTTP", "Lambda", "SQS"] as const;

/** A topic as `GetTopicAttributes` describes it; when that read failed, its fields are unread. */
export function snsTopicAsset(
  c: Where,
  arn: string,
  attributes: RawOutcome<Pick<GetTopicAttributesResponse, "Attributes">>,
): Topic {
  const name = arn.slice(arn.lastIndexOf(":") + 1);
  const unread = new UnreadFields();
  const config: Partial<Topic["config"]> = { topicName: name };
  if (
    !unread.failed(attributes, "kmsMasterKeyId", "policyPublic", "deliveryStatusLogging") &&
    attributes.ok
  ) {
    const a = attributes.value.Attributes ?? {};
    config.kmsMasterKeyId = a.KmsMasterKeyId ? a.KmsMasterKeyId : null;
    config.policyPublic = a.Policy ? policyAllowsPublicAccess(a.Policy) : false;
    config.deliveryStatusLogging = FEEDBACK_PROTOCOLS.filter(
      (p) => Boolean(a[`${p}FailureFeedbackRoleArn`]) || Boolean(a[`${p}SuccessFeedbackRoleArn`]),
    );
  }
  return regionalAsset(c, "aws.sns.topic", { arn, name }, config, unread);
}

export const snsTopicsCollector = listedCollector({
  id: "sns-topics",
  type: "aws.sns.topic",
  service: "sns",
  command: "list-topics",
  pages: (c) => paginateListTopics({ client: c.clients.sns }, {}),
  items: (listing) => (listing.Topics ?? []).flatMap((t) => (t.TopicArn ? [t.TopicArn] : [])),
  async asset(c, arn) {
    const attributes = await c.read.one(
      {
        scope: c.region,
        service: "sns",
        command: "get-topic-attributes",
        resource: arn.slice(arn.lastIndexOf(":") + 1),
      },
      () => c.clients.sns.send(new GetTopicAttributesCommand({ TopicArn: arn })),
    );
    return snsTopicAsset(c, arn, attributes);
  },
});
