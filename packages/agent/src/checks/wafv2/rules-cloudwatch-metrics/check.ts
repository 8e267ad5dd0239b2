import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("the web ACL and each of its rules send CloudWatch metrics");
const OFF = fail("the web ACL or one of its rules has CloudWatch metrics disabled");

export const rulesCloudWatchMetrics = defineCheck({
  id: "vigil.wafv2.rules-cloudwatch-metrics",
  title: "AWS WAF rules should have CloudWatch metrics enabled",
  severity: "medium",
  resourceType: "aws.wafv2.web-acl",
  reads: ["rules", "cloudWatchMetricsEnabled"],
  rationale:
    "Per-rule CloudWatch metrics show how many requests each rule allowed, blocked or counted, which is how an attack or a misbehaving rule is noticed and alarmed on.",
  remediation:
    "Set VisibilityConfig.CloudWatchMetricsEnabled to true on the web ACL and on each rule: aws wafv2 update-web-acl --name <name> --scope <scope> --id <id> --lock-token <token> --rules file://rules.json --visibility-config SampledRequestsEnabled=true,CloudWatchMetricsEnabled=true,MetricName=<name> --default-action Allow={}.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/waf-controls.html#waf-12",
    "https://docs.aws.amazon.com/waf/latest/developerguide/monitoring-cloudwatch.html",
  ],
  mappings: { cis: [], fsbp: ["WAF.12"] },
  evaluate: (asset) =>
    asset.config.cloudWatchMetricsEnabled && asset.config.rules.every((r) => r.cloudWatchMetricsEnabled)
      ? ON
      : OFF,
});
