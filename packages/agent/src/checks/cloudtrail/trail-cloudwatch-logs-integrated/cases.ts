import type { CheckCase } from "../../_cases/case.ts";
import { t } from "../../_cases/logging.ts";

/** Compliant and non-compliant cases of `vigil.cloudtrail.trail-cloudwatch-logs-integrated`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.cloudtrail.trail-cloudwatch-logs-integrated",
    name: "log group",
    asset: t(),
    expect: "pass",
  },
  {
    check: "vigil.cloudtrail.trail-cloudwatch-logs-integrated",
    name: "no log group",
    asset: t({ CloudWatchLogsLogGroupArn: undefined, CloudWatchLogsRoleArn: undefined }),
    expect: "fail",
  },
];
