import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("the trail delivers to a CloudWatch Logs log group");
const OFF = fail("the trail does not deliver to CloudWatch Logs");
export const trailCloudWatchLogs = defineCheck({
  id: "vigil.cloudtrail.trail-cloudwatch-logs-integrated",
  title: "CloudTrail trails should deliver to CloudWatch Logs",
  severity: "low",
  resourceType: "aws.cloudtrail.trail",
  reads: ["cloudWatchLogsLogGroupArn"],
  rationale:
    "Metric filters and alarms on API activity (CIS 4.x) need the trail to deliver into a log group.",
  remediation:
    "aws cloudtrail update-trail --name <trail> --cloud-watch-logs-log-group-arn <arn> --cloud-watch-logs-role-arn <role>",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-5",
  ],
  mappings: { cis: [], fsbp: ["CloudTrail.5"] },
  evaluate: (asset) => (asset.config.cloudWatchLogsLogGroupArn ? ON : OFF),
});
