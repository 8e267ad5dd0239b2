import type { GetTopicAttributesResponse } from "@aws-sdk/client-sns";
import { snsTopicAsset } from "../../../src/collectors/index.ts";
import { ACCOUNT, REGION } from "../aws-fixtures.ts";
import type { CheckCase } from "../harness.ts";

const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };
const ARN = `arn:aws:sns:${REGION}:${ACCOUNT}:alerts`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/sns-delivery-status`;

const policy = (statement: Record<string, unknown>) =>
  JSON.stringify({ Version: "2008-10-17", Id: "__default_policy_ID", Statement: [statement] });
/** The policy SNS gives a new topic: any principal, tied to the owner by `AWS:SourceOwner`. */
const DEFAULT_POLICY = policy({
  Sid: "__default_statement_ID",
  Effect: "Allow",
  Principal: { AWS: "*" },
  Action: ["SNS:GetTopicAttributes", "SNS:Subscribe", "SNS:Publish"],
  Resource: ARN,
  Condition: { StringEquals: { "AWS:SourceOwner": ACCOUNT } },
});
const PUBLIC_POLICY = policy({ Effect: "Allow", Principal: "*", Action: "SNS:Subscribe", Resource: ARN });

/** `GetTopicAttributes` `Attributes` of a topic as a careful owner configures it; cases override or drop some. */
const topic = (over: GetTopicAttributesResponse["Attributes"] = {}, drop: string[] = []) => {
  const attributes: Record<string, string> = {
    TopicArn: ARN,
    Owner: ACCOUNT,
    Policy: DEFAULT_POLICY,
    SubscriptionsConfirmed: "2",
    KmsMasterKeyId: "alias/aws/sns",
    SQSFailureFeedbackRoleArn: ROLE,
    SQSSuccessFeedbackRoleArn: ROLE,
    ...over,
  };
  for (const name of drop) delete attributes[name];
  return snsTopicAsset(WHERE, ARN, { ok: true, value: { Attributes: attributes } });
};

export const snsCases: CheckCase[] = [
  {
    check: "vigil.sns.topic-encrypted",
    name: "KmsMasterKeyId alias/aws/sns",
    asset: topic(),
    expect: "pass",
  },
  {
    check: "vigil.sns.topic-encrypted",
    name: "no KmsMasterKeyId",
    asset: topic({}, ["KmsMasterKeyId"]),
    expect: "fail",
  },
  {
    check: "vigil.sns.topic-policy-not-public",
    name: "default policy (AWS:SourceOwner)",
    asset: topic(),
    expect: "pass",
  },
  {
    check: "vigil.sns.topic-policy-not-public",
    name: "Principal * may subscribe",
    asset: topic({ Policy: PUBLIC_POLICY }),
    expect: "fail",
  },
  {
    check: "vigil.sns.topic-delivery-status-logging",
    name: "SQS feedback roles",
    asset: topic(),
    expect: "pass",
    evidence: /SQS/,
  },
  {
    check: "vigil.sns.topic-delivery-status-logging",
    name: "no feedback role",
    asset: topic({}, ["SQSFailureFeedbackRoleArn", "SQSSuccessFeedbackRoleArn"]),
    expect: "fail",
  },
];
