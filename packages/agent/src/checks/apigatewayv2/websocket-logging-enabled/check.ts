import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("every stage logs at ERROR or INFO level");
const OFF = fail("a stage's execution logging is off or unset");

export const webSocketLoggingEnabled = defineCheck({
  id: "vigil.apigatewayv2.websocket-logging-enabled",
  title: "API Gateway WebSocket API stages should have execution logging enabled",
  severity: "medium",
  resourceType: "aws.apigatewayv2.api",
  reads: ["protocolType", "stages"],
  rationale:
    "Execution logs in CloudWatch record the messages a WebSocket stage handled and the errors it met: without them misuse cannot be investigated.",
  remediation:
    "aws apigatewayv2 update-stage --api-id <id> --stage-name <stage> --default-route-settings LoggingLevel=ERROR (console: API Gateway > Stages > Logging).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-1",
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-logging.html",
  ],
  mappings: { cis: [], fsbp: ["APIGateway.1"] },
  evaluate: (asset) => {
    if (asset.config.protocolType !== "WEBSOCKET" || asset.config.stages.length === 0) return undefined;
    const { stages } = asset.config;
    return stages.every((s) => s.loggingLevel === "ERROR" || s.loggingLevel === "INFO") ? ON : OFF;
  },
});
