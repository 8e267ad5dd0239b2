import type { GetQueueAttributesResult } from "@aws-sdk/client-sqs";
import { sqsQueueAsset } from "../../../src/collectors/index.ts";
import { ACCOUNT, REGION } from "../aws-fixtures.ts";
import type { CheckCase } from "../harness.ts";

const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };
const URL = `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/jobs`;
const ARN = `arn:aws:sqs:${REGION}:${ACCOUNT}:jobs`;

const policy = (statement: Record<string, unknown>) =>
  JSON.stringify({ Version: "2012-10-17", Id: `${ARN}/SQSDefaultPolicy`, Statement: [statement] });
const FROM_TOPIC = policy({
  Sid: "topic",
  Effect: "Allow",
  Principal: { Service: "sns.amazonaws.com" },
  Action: "sqs:SendMessage",
  Resource: ARN,
  Condition: { ArnEquals: { "aws:SourceArn": `arn:aws:sns:${REGION}:${ACCOUNT}:alerts` } },
});
const ANYONE = policy({ Sid: "anyone", Effect: "Allow", Principal: "*", Action: "sqs:*", Resource: ARN });
const ANYONE_FROM_TOPIC = policy({
  Sid: "topic",
  Effect: "Allow",
  Principal: { AWS: "*" },
  Action: "sqs:SendMessage",
  Resource: ARN,
  Condition: { ArnLike: { "aws:SourceArn": `arn:aws:sns:${REGION}:${ACCOUNT}:alerts` } },
});

/** `GetQueueAttributes` `Attributes` as SQS returns them (every value a string). */
const queue = (attributes: GetQueueAttributesResult["Attributes"]) =>
  sqsQueueAsset(WHERE, URL, {
    ok: true,
    value: { Attributes: { QueueArn: ARN, SqsManagedSseEnabled: "false", ...attributes } },
  });

export const sqsCases: CheckCase[] = [
  {
    check: "vigil.sqs.queue-encrypted",
    name: "SqsManagedSseEnabled true",
    asset: queue({ SqsManagedSseEnabled: "true" }),
    expect: "pass",
    evidence: /SSE-SQS/,
  },
  {
    check: "vigil.sqs.queue-encrypted",
    name: "KmsMasterKeyId set",
    asset: queue({ KmsMasterKeyId: "alias/aws/sqs", KmsDataKeyReusePeriodSeconds: "300" }),
    expect: "pass",
    evidence: /SSE-KMS/,
  },
  {
    check: "vigil.sqs.queue-encrypted",
    name: "neither",
    asset: queue({}),
    expect: "fail",
  },
  {
    check: "vigil.sqs.queue-policy-not-public",
    name: "no policy",
    asset: queue({}),
    expect: "pass",
  },
  {
    check: "vigil.sqs.queue-policy-not-public",
    name: "SNS service principal with aws:SourceArn",
    asset: queue({ Policy: FROM_TOPIC }),
    expect: "pass",
  },
  {
    check: "vigil.sqs.queue-policy-not-public",
    name: "Principal {AWS: *} restricted by aws:SourceArn",
    asset: queue({ Policy: ANYONE_FROM_TOPIC }),
    expect: "pass",
  },
  {
    check: "vigil.sqs.queue-policy-not-public",
    name: "Principal * without condition",
    asset: queue({ Policy: ANYONE }),
    expect: "fail",
  },
];
