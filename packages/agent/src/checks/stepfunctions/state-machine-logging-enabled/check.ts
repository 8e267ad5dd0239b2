import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("executions are logged to CloudWatch Logs");
const OFF = fail("execution logging is turned off (level OFF)");

export const stateMachineLoggingEnabled = defineCheck({
  id: "vigil.stepfunctions.state-machine-logging-enabled",
  title: "Step Functions state machines should have logging turned on",
  severity: "medium",
  resourceType: "aws.stepfunctions.state-machine",
  reads: ["loggingLevel"],
  rationale:
    "Execution history expires (90 days for Standard, never kept for Express workflows); logs in CloudWatch Logs keep what a workflow did, and who started it, for an investigation.",
  remediation:
    "aws stepfunctions update-state-machine --state-machine-arn <arn> --logging-configuration 'level=ERROR,includeExecutionData=false,destinations=[{cloudWatchLogsLogGroup={logGroupArn=<log-group-arn>}}]'",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/stepfunctions-controls.html#stepfunctions-1",
    "https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html",
  ],
  mappings: { cis: [], fsbp: ["StepFunctions.1"] },
  evaluate: (asset) => (asset.config.loggingLevel === "OFF" ? OFF : ON),
});
