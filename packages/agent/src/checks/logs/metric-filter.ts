import type { CisMonitoringPattern } from "../../assets/index.ts";
import { type Check, defineCheck, fail, pass } from "../check.ts";

export interface PatternSpec {
  readonly pattern: CisMonitoringPattern;
  readonly what: string;
  readonly cis: string;
  /** Security Hub control; these CloudWatch.* controls belong to Security Hub's CIS standard, not FSBP. */
  readonly control?: string;
}

/** The check for one CIS monitoring pattern (CIS 4.1–4.15, Manual in v5.0: the benchmark leaves pattern review to a person). */
export function metricFilterCheck(spec: PatternSpec): Check<"aws.logs.cis-monitoring"> {
  const present = pass(`a metric filter and alarm exist for ${spec.what}`);
  const missing = fail(`no metric filter with an alarm for ${spec.what}`);
  return defineCheck({
    id: `vigil.logs.metric-filter-${spec.pattern}`,
    title: `A log metric filter and alarm should exist for ${spec.what}`,
    severity: "low",
    resourceType: "aws.logs.cis-monitoring",
    reads: ["patterns"],
    rationale: `Alerting on ${spec.what} shortens the time between a risky change and someone noticing it.`,
    remediation:
      "On the log group of a multi-region trail: aws logs put-metric-filter with the CIS filter pattern, aws cloudwatch put-metric-alarm on the metric, and an SNS topic with a subscriber as the alarm action.",
    references: [
      "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudwatch-alarms-for-cloudtrail.html",
      ...(spec.control
        ? [
            `https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#cloudwatch-${spec.control.split(".")[1]}`,
          ]
        : []),
      "https://www.cisecurity.org/benchmark/amazon_web_services",
    ],
    // The CloudWatch.* controls are part of Security Hub's CIS standard only, so they stay out of `fsbp`.
    mappings: { cis: [spec.cis], fsbp: [] },
    evaluate: (asset) => (asset.config.patterns[spec.pattern] ? present : missing),
  });
}
