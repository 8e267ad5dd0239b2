import { http, ws } from "../../_cases/apigateway.ts";
import type { CheckCase } from "../../_cases/case.ts";

/** Compliant and non-compliant cases of `vigil.apigatewayv2.api-access-logging-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.apigatewayv2.api-access-logging-enabled",
    name: "HTTP API logged",
    asset: http(),
    expect: "pass",
  },
  {
    check: "vigil.apigatewayv2.api-access-logging-enabled",
    name: "no AccessLogSettings",
    asset: http({ stages: [{ StageName: "$default" }] }),
    expect: "fail",
  },
  {
    check: "vigil.apigatewayv2.api-access-logging-enabled",
    name: "WebSocket stage without",
    asset: ws({ stages: [{ StageName: "production", DefaultRouteSettings: { LoggingLevel: "ERROR" } }] }),
    expect: "fail",
  },
];
