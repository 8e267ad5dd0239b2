import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("every route that takes an authorizer specifies one");
const OFF = fail("a route's authorization type is NONE: anyone may call it");

export const v2RoutesAuthorized = defineCheck({
  id: "vigil.apigatewayv2.routes-authorized",
  title: "API Gateway routes should specify an authorization type",
  severity: "medium",
  resourceType: "aws.apigatewayv2.api",
  reads: ["protocolType", "routes"],
  rationale:
    "A route with authorization type NONE accepts any caller; an IAM, JWT or Lambda authorizer decides who may invoke it. (A WebSocket API authorizes on $connect only.)",
  remediation:
    "aws apigatewayv2 update-route --api-id <id> --route-id <route> --authorization-type JWT --authorizer-id <authorizer> (or AWS_IAM, CUSTOM).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-8",
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-access-control.html",
  ],
  mappings: { cis: [], fsbp: ["APIGateway.8"] },
  evaluate: (asset) => {
    const websocket = asset.config.protocolType === "WEBSOCKET";
    const routes = asset.config.routes.filter((r) => !websocket || r.routeKey === "$connect");
    if (routes.length === 0) return undefined;
    return routes.every((r) => r.authorizationType !== "NONE") ? ON : OFF;
  },
});
