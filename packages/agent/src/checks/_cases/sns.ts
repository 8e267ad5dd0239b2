import type { GetTopicAttributesResponse } from "@aws-sdk/client-sns";
import { snsTopicAsset } from "../../collectors/index.ts";
import { ACCOUNT, REGION } from "./aws.ts";

export const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };
export const ARN = `arn:aws:sns:${REGION}:${ACCOUNT}:alerts`;
export const ROLE = `arn:aws:iam::${ACCOUNT}:role/sns-delivery-status`;
export const policy = (statement: Record<string, unknown>) =>
  JSON.stringify({ Version: "2008-10-17", Id: "__default_policy_ID", Statement: [statement] });
/** The policy SNS gives a new topic: any principal, tied to the owner by `AWS:SourceOwner`. */
export const DEFAULT_POLICY = policy({
  Sid: "__default_statement_ID",
  Effect: "Allow",
  Principal: { AWS: "*" },
  Action: ["SNS:GetTopicAttributes", "SNS:Subscribe", "SNS:Publish"],
  Resource: ARN,
  Condition: { StringEquals: { "AWS:SourceOwner": ACCOUNT } },
});
export const PUBLIC_POLICY = policy({
  Effect: "Allow",
  Principal: "*",
  Action: "SNS:Subscribe",
  Resource: ARN,
});
/** `GetTopicAttributes` `Attributes` of a topic as a careful owner configures it; cases override or drop some. */
export const topic = (over: GetTopicAttributesResponse["Attributes"] = {}, drop: string[] = []) => {
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
