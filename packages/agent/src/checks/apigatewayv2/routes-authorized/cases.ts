import { http, route, ws } from "../../_cases/apigateway.ts";
import type { CheckCase } from "../../_cases/case.ts";

/** Compliant and non-compliant cases of `vigil.apigatewayv2.routes-authorized`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.apigatewayv2.routes-authorized", name: "JWT and IAM", asset: http(), expect: "pass" },
  {
    check: "vigil.apigatewayv2.routes-authorized",
    name: "an open route",
    asset: http({ routes: [route("GET /items", "JWT"), route("DELETE /items", "NONE")] }),
    expect: "fail",
  },
  {
    check: "vigil.apigatewayv2.routes-authorized",
    name: "WebSocket: $connect authorized, message routes cannot be",
    asset: ws(),
    expect: "pass",
  },
  {
    check: "vigil.apigatewayv2.routes-authorized",
    name: "WebSocket: open $connect",
    asset: ws({ routes: [route("$connect", "NONE"), route("sendMessage", "NONE")] }),
    expect: "fail",
  },
];
