import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("the web ACL logs its traffic");
const OFF = fail("the web ACL has no logging configuration");

export const webAclLoggingEnabled = defineCheck({
  id: "vigil.wafv2.web-acl-logging-enabled",
  title: "AWS WAF web ACL logging should be enabled",
  severity: "low",
  resourceType: "aws.wafv2.web-acl",
  reads: ["loggingEnabled"],
  rationale:
    "WAF logs record each request inspected and the rule that matched it: without them blocked attacks and false positives cannot be analysed.",
  remediation:
    "aws wafv2 put-logging-configuration --logging-configuration ResourceArn=<web-acl-arn>,LogDestinationConfigs=<arn of a log group, bucket or Firehose whose name starts with aws-waf-logs->.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/waf-controls.html#waf-11",
    "https://docs.aws.amazon.com/waf/latest/developerguide/logging.html",
  ],
  mappings: { cis: [], fsbp: [], securityHub: ["WAF.11"] },
  evaluate: (asset) => (asset.config.loggingEnabled ? ON : OFF),
});
