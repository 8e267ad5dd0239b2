import { defineCheck, fail, pass } from "../../check.ts";

const OFF = fail("no delivery status logging for any endpoint protocol");
export const topicDeliveryStatusLogging = defineCheck({
  id: "vigil.sns.topic-delivery-status-logging",
  title: "Logging of delivery status should be enabled for notification messages sent to a topic",
  severity: "medium",
  resourceType: "aws.sns.topic",
  reads: ["deliveryStatusLogging"],
  rationale:
    "Delivery status logs in CloudWatch Logs show which messages reached their endpoints and which failed, the trail needed to investigate lost or diverted notifications.",
  remediation:
    "aws sns set-topic-attributes --topic-arn <arn> --attribute-name LambdaFailureFeedbackRoleArn --attribute-value <role-arn> (and SQS/HTTP/Application/Firehose as the topic's subscriptions need)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/sns-controls.html#sns-2",
    "https://docs.aws.amazon.com/sns/latest/dg/sns-topic-attributes.html",
  ],
  mappings: { cis: [], fsbp: [], securityHub: ["SNS.2"] },
  evaluate: (asset) => {
    const logged = asset.config.deliveryStatusLogging;
    return logged.length > 0 ? pass(`delivery status logged for ${logged.join(", ")}`) : OFF;
  },
});
