import type { CisMonitoringPattern } from "../../assets/index.ts";
import { type Check, defineCheck, fail, pass } from "../check.ts";

interface PatternSpec {
  readonly pattern: CisMonitoringPattern;
  readonly what: string;
  readonly cis: string;
  /** Security Hub control; these CloudWatch.* controls belong to Security Hub's CIS standard, not FSBP. */
  readonly control?: string;
}

/** CIS section 4.1-4.15 (Manual in v5.0: the benchmark leaves pattern review to a person). */
const PATTERNS: readonly PatternSpec[] = [
  { pattern: "unauthorized-api-calls", what: "unauthorized API calls", cis: "4.1", control: "CloudWatch.2" },
  {
    pattern: "console-signin-without-mfa",
    what: "console sign-in without MFA",
    cis: "4.2",
    control: "CloudWatch.3",
  },
  { pattern: "root-account-usage", what: "usage of the root user", cis: "4.3", control: "CloudWatch.1" },
  { pattern: "iam-policy-changes", what: "IAM policy changes", cis: "4.4", control: "CloudWatch.4" },
  {
    pattern: "cloudtrail-configuration-changes",
    what: "CloudTrail configuration changes",
    cis: "4.5",
    control: "CloudWatch.5",
  },
  {
    pattern: "console-authentication-failures",
    what: "console authentication failures",
    cis: "4.6",
    control: "CloudWatch.6",
  },
  {
    pattern: "cmk-disable-or-scheduled-deletion",
    what: "disabling or scheduled deletion of KMS keys",
    cis: "4.7",
    control: "CloudWatch.7",
  },
  {
    pattern: "s3-bucket-policy-changes",
    what: "S3 bucket policy changes",
    cis: "4.8",
    control: "CloudWatch.8",
  },
  {
    pattern: "aws-config-changes",
    what: "AWS Config configuration changes",
    cis: "4.9",
    control: "CloudWatch.9",
  },
  {
    pattern: "security-group-changes",
    what: "security group changes",
    cis: "4.10",
    control: "CloudWatch.10",
  },
  { pattern: "nacl-changes", what: "network ACL changes", cis: "4.11", control: "CloudWatch.11" },
  {
    pattern: "network-gateway-changes",
    what: "network gateway changes",
    cis: "4.12",
    control: "CloudWatch.12",
  },
  { pattern: "route-table-changes", what: "route table changes", cis: "4.13", control: "CloudWatch.13" },
  { pattern: "vpc-changes", what: "VPC changes", cis: "4.14", control: "CloudWatch.14" },
  { pattern: "organizations-changes", what: "AWS Organizations changes", cis: "4.15" },
];

function monitoringCheck(spec: PatternSpec): Check<"aws.logs.cis-monitoring"> {
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

export const cisMetricFilterChecks: readonly Check<"aws.logs.cis-monitoring">[] =
  PATTERNS.map(monitoringCheck);
