import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("instance logs stream to CloudWatch Logs");
const OFF = fail("instance logs are not streamed to CloudWatch Logs");

export const environmentStreamsLogs = defineCheck({
  id: "vigil.elasticbeanstalk.environment-streams-logs",
  title: "Elastic Beanstalk should stream logs to CloudWatch",
  severity: "high",
  resourceType: "aws.elasticbeanstalk.environment",
  reads: ["streamLogs"],
  rationale:
    "Logs kept only on the instances are lost when the environment scales in or replaces them; streamed to CloudWatch Logs they outlive the instance and can be searched and alarmed on.",
  remediation:
    "aws elasticbeanstalk update-environment --environment-name <name> --option-settings Namespace=aws:elasticbeanstalk:cloudwatch:logs,OptionName=StreamLogs,Value=true Namespace=aws:elasticbeanstalk:cloudwatch:logs,OptionName=RetentionInDays,Value=365",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/elasticbeanstalk-controls.html#elasticbeanstalk-3",
    "https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/AWSHowTo.cloudwatchlogs.html",
  ],
  mappings: { cis: [], fsbp: ["ElasticBeanstalk.3"] },
  evaluate: (asset) => (asset.config.streamLogs ? ON : OFF),
});
