import { defineCheck, fail, pass } from "../../check.ts";
import { everyStage } from "../stages.ts";

const ON = pass("every stage has X-Ray active tracing");
const OFF = fail("a stage has X-Ray active tracing disabled");

export const restApiXrayTracing = defineCheck({
  id: "vigil.apigateway.rest-api-xray-tracing",
  title: "API Gateway REST API stages should have AWS X-Ray tracing enabled",
  severity: "low",
  resourceType: "aws.apigateway.rest-api",
  reads: ["stages"],
  rationale:
    "X-Ray traces follow a request through the API and its backends, so latency, errors and unexpected callers can be traced to their source.",
  remediation:
    "aws apigateway update-stage --rest-api-id <id> --stage-name <stage> --patch-operations op=replace,path=/tracingEnabled,value=true.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-3",
    "https://docs.aws.amazon.com/xray/latest/devguide/xray-services-apigateway.html",
  ],
  mappings: { cis: [], fsbp: ["APIGateway.3"] },
  evaluate: (asset) => everyStage(asset.config.stages, (s) => s.tracingEnabled, ON, OFF),
});
