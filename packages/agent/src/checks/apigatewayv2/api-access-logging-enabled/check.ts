import { everyStage } from "../../apigateway/stages.ts";
import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("every stage sends access logs");
const OFF = fail("a stage has no access log destination");

export const v2ApiAccessLoggingEnabled = defineCheck({
  id: "vigil.apigatewayv2.api-access-logging-enabled",
  title: "API Gateway HTTP and WebSocket API stages should have access logging configured",
  severity: "medium",
  resourceType: "aws.apigatewayv2.api",
  reads: ["stages"],
  rationale:
    "Access logs record who called the API, when and with what result: without them misuse of an API cannot be investigated.",
  remediation:
    "aws apigatewayv2 update-stage --api-id <id> --stage-name <stage> --access-log-settings DestinationArn=<log-group-arn>,Format='$context.requestId $context.identity.sourceIp $context.status'.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-9",
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging.html",
  ],
  mappings: { cis: [], fsbp: ["APIGateway.9"] },
  evaluate: (asset) => everyStage(asset.config.stages, (s) => s.accessLogDestination !== null, ON, OFF),
});
