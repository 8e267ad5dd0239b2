import { http, ws } from "../../_cases/apigateway.ts";
import type { CheckCase } from "../../_cases/case.ts";

/** Compliant and non-compliant cases of `vigil.apigatewayv2.websocket-logging-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.apigatewayv2.websocket-logging-enabled", name: "INFO", asset: ws(), expect: "pass" },
  {
    check: "vigil.apigatewayv2.websocket-logging-enabled",
    name: "OFF",
    asset: ws({ stages: [{ StageName: "production", DefaultRouteSettings: { LoggingLevel: "OFF" } }] }),
    expect: "fail",
  },
  { check: "vigil.apigatewayv2.websocket-logging-enabled", name: "HTTP API", asset: http(), expect: "n/a" },
];
