import type { GetQueueAttributesResult } from "@aws-sdk/client-sqs";
import { sqsQueueAsset } from "../../collectors/index.ts";
import { ACCOUNT, REGION } from "./aws.ts";

export const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };
export const URL = `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/jobs`;
export const ARN = `arn:aws:sqs:${REGION}:${ACCOUNT}:jobs`;
export const policy = (statement: Record<string, unknown>) =>
  JSON.stringify({ Version: "2012-10-17", Id: `${ARN}/SQSDefaultPolicy`, Statement: [statement] });
export const FROM_TOPIC = policy({
  Sid: "topic",
  Effect: "Allow",
  Principal: { Service: "sns.amazonaws.com" },
  Action: "sqs:SendMessage",
  Resource: ARN,
  Condition: { ArnEquals: { "aws:SourceArn": `arn:aws:sns:${REGION}:${ACCOUNT}:alerts` } },
});
export const ANYONE = policy({
  Sid: "anyone",
  Effect: "Allow",
  Principal: "*",
  Action: "sqs:*",
  Resource: ARN,
});
export const ANYONE_FROM_TOPIC = policy({
  Sid: "topic",
  Effect: "Allow",
  Principal: { AWS: "*" },
  Action: "sqs:SendMessage",
  Resource: ARN,
  Condition: { ArnLike: { "aws:SourceArn": `arn:aws:sns:${REGION}:${ACCOUNT}:alerts` } },
});
/** `GetQueueAttributes` `Attributes` as SQS returns them (every value a string). */
export const queue = (attributes: GetQueueAttributesResult["Attributes"]) =>
  sqsQueueAsset(WHERE, URL, {
    ok: true,
    value: { Attributes: { QueueArn: ARN, SqsManagedSseEnabled: "false", ...attributes } },
  });
