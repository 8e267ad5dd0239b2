import { restApiAsset } from "../../../collectors/apigateway.ts";
import { ok, PROD, REST_API, rest, settings, WHERE } from "../../_cases/apigateway.ts";
import type { CheckCase } from "../../_cases/case.ts";

/** Compliant and non-compliant cases of `vigil.apigateway.rest-api-logging-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.apigateway.rest-api-logging-enabled", name: "ERROR", asset: rest(), expect: "pass" },
  {
    check: "vigil.apigateway.rest-api-logging-enabled",
    name: "OFF on one stage",
    asset: rest(PROD, { ...PROD, stageName: "dev", methodSettings: settings({ loggingLevel: "OFF" }) }),
    expect: "fail",
  },
  {
    check: "vigil.apigateway.rest-api-logging-enabled",
    name: "no method settings",
    asset: rest({ ...PROD, methodSettings: {} }),
    expect: "fail",
  },
  {
    check: "vigil.apigateway.rest-api-logging-enabled",
    name: "no stage",
    asset: restApiAsset(WHERE, REST_API, ok({ item: [] })),
    expect: "n/a",
  },
];
