import { defineCheck, fail, pass } from "../../check.ts";

const PRIVATE = pass("the topic policy grants no access to anyone outside known principals");
const PUBLIC = fail("the topic policy allows any principal without a restricting condition");
export const topicPolicyNotPublic = defineCheck({
  id: "vigil.sns.topic-policy-not-public",
  title: "SNS topic access policies should not allow public access",
  severity: "high",
  resourceType: "aws.sns.topic",
  reads: ["policyPublic"],
  rationale:
    "A topic policy that allows Principal * lets any AWS account publish to it or subscribe to it, injecting messages or reading everything it carries.",
  remediation:
    "aws sns set-topic-attributes --topic-arn <arn> --attribute-name Policy --attribute-value <policy naming the allowed principals, or with an AWS:SourceOwner / aws:SourceArn condition>",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/sns-controls.html#sns-4",
    "https://docs.aws.amazon.com/sns/latest/dg/sns-security-best-practices.html",
  ],
  mappings: { cis: [], fsbp: ["SNS.4"] },
  evaluate: (asset) => (asset.config.policyPublic ? PUBLIC : PRIVATE),
});
