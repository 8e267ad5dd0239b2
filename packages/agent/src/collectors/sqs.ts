import {
  GetQueueAttributesCommand,
  type GetQueueAttributesResult,
  paginateListQueues,
  SQSClient,
} from "@aws-sdk/client-sqs";
import { type AssetOf, policyAllowsPublicAccess } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import { listedCollector, regionalAsset, type Where } from "./listed.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ sqs: SQSClient });

type Queue = AssetOf<"aws.sqs.queue">;

/** The attributes the queue checks need (`All` would also return message counts). */
export const SQS_QUEUE_ATTRIBUTES = ["QueueArn", "SqsManagedSseEnabled", "KmsMasterKeyId", "Policy"] as const;

/** The queue's name: the last segment of its URL (`https://sqs.<region>.amazonaws.com/<account>/<name>`). */
export function queueNameOf(url: string): string {
  return url.slice(url.lastIndexOf("/") + 1);
}

/** A queue as `GetQueueAttributes` describes it; when that read failed, its fields are unread. */
export function sqsQueueAsset(
  c: Where,
  url: string,
  attributes: RawOutcome<Pick<GetQueueAttributesResult, "Attributes">>,
): Queue {
  const name = queueNameOf(url);
  const unread = new UnreadFields();
  const config: Partial<Queue["config"]> = { queueName: name };
  let arn = `arn:${c.partition}:sqs:${c.region}:${c.accountId}:${name}`;
  if (!unread.failed(attributes, "sqsManagedSse", "kmsMasterKeyId", "policyPublic") && attributes.ok) {
    const a = attributes.value.Attributes ?? {};
    arn = a.QueueArn ?? arn;
    config.sqsManagedSse = a.SqsManagedSseEnabled === "true";
    config.kmsMasterKeyId = a.KmsMasterKeyId ? a.KmsMasterKeyId : null;
    config.policyPublic = a.Policy ? policyAllowsPublicAccess(a.Policy) : false;
  }
  return regionalAsset(c, "aws.sqs.queue", { arn, name }, config, unread);
}

export const sqsQueuesCollector = listedCollector({
  id: "sqs-queues",
  type: "aws.sqs.queue",
  service: "sqs",
  command: "list-queues",
  pages: (c) => paginateListQueues({ client: c.clients.sqs, pageSize: 1000 }, {}),
  items: (listing) => listing.QueueUrls,
  async asset(c, url) {
    const attributes = await c.read.one(
      { scope: c.region, service: "sqs", command: "get-queue-attributes", resource: queueNameOf(url) },
      () =>
        c.clients.sqs.send(
          new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: [...SQS_QUEUE_ATTRIBUTES] }),
        ),
    );
    return sqsQueueAsset(c, url, attributes);
  },
});
