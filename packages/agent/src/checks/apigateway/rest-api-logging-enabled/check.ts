import { defineCheck, fail, pass } from "../../check.ts";
import { everyStage } from "../stages.ts";

const ON = pass("every stage logs at ERROR or INFO level");
const OFF = fail("a stage's execution logging is off or unset");

export const restApiLoggingEnabled = defineCheck({
  id: "vigil.apigateway.rest-api-logging-enabled",
  title: "API Gateway REST API stages should have execution logging enabled",
  severity: "medium",
  resourceType: "aws.apigateway.rest-api",
  reads: ["stages"],
  rationale:
    "Execution logs in CloudWatch record the requests a stage served and the errors it met: without them misuse of an API cannot be investigated.",
  remediation:
    "aws apigateway update-stage --rest-api-id <id> --stage-name <stage> --patch-operations op=replace,path=/*/*/logging/loglevel,value=ERROR (console: API Gateway > Stages > Logs and tracing).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-1",
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html",
  ],
  mappings: { cis: [], fsbp: ["APIGateway.1"] },
  evaluate: (asset) =>
    everyStage(asset.config.stages, (s) => s.loggingLevel === "ERROR" || s.loggingLevel === "INFO", ON, OFF),
});
