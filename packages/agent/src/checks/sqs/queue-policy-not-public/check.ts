import { defineCheck, fail, pass } from "../../check.ts";

const PRIVATE = pass("the queue policy grants no access to anyone outside known principals");
const PUBLIC = fail("the queue policy allows any principal without a restricting condition");
export const queuePolicyNotPublic = defineCheck({
  id: "vigil.sqs.queue-policy-not-public",
  title: "SQS queue policies should not allow public access",
  severity: "critical",
  resourceType: "aws.sqs.queue",
  reads: ["policyPublic"],
  rationale:
    "A queue policy that allows Principal * lets any AWS account send, read or delete its messages, which can leak data or inject forged work.",
  remediation:
    "aws sqs set-queue-attributes --queue-url <url> --attributes Policy=<policy naming the allowed principals, or with an aws:SourceArn / aws:SourceAccount condition>",
  references: [
    "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-examples-of-sqs-policies.html",
  ],
  mappings: { cis: [], fsbp: ["SQS.3"] },
  evaluate: (asset) => (asset.config.policyPublic ? PUBLIC : PRIVATE),
});
