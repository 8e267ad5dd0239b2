import type { RestApi, Stage } from "@aws-sdk/client-api-gateway";
import type { Api, Route, Stage as V2Stage } from "@aws-sdk/client-apigatewayv2";
import { restApiAsset, v2ApiAsset } from "../../../src/collectors/apigateway.ts";
import { ACCOUNT, REGION } from "../aws-fixtures.ts";
import type { CheckCase } from "../harness.ts";

/** APIs built through the collector's own mappers from AWS's answers (as the SDK returns them). */
const WHERE = { partition: "aws", region: REGION, accountId: ACCOUNT };
const ok = <T>(value: T) => ({ ok: true as const, value });

const REST_API: RestApi = {
  id: "a1b2c3d4e5",
  name: "orders",
  createdDate: new Date("2025-01-10T00:00:00Z"),
  apiKeySource: "HEADER",
  endpointConfiguration: { types: ["REGIONAL"] },
};
/** A stage as a careful owner configures it. */
const PROD: Stage = {
  deploymentId: "dep123",
  stageName: "prod",
  cacheClusterEnabled: true,
  cacheClusterSize: "0.5",
  methodSettings: {
    "*/*": {
      metricsEnabled: true,
      loggingLevel: "ERROR",
      dataTraceEnabled: false,
      cachingEnabled: true,
      cacheTtlInSeconds: 300,
      cacheDataEncrypted: true,
    },
  },
  tracingEnabled: true,
  clientCertificateId: "cert12",
  webAclArn: `arn:aws:wafv2:${REGION}:${ACCOUNT}:regional/webacl/api/1`,
};
const rest = (...stages: Stage[]) =>
  restApiAsset(WHERE, REST_API, ok({ item: stages.length ? stages : [PROD] }));
const settings = (over: NonNullable<Stage["methodSettings"]>[string]) => ({
  "*/*": { ...PROD.methodSettings?.["*/*"], ...over },
});

const HTTP_API: Api = {
  ApiId: "h1t2t3p4a5",
  Name: "items",
  ProtocolType: "HTTP",
  RouteSelectionExpression: "$request.method $request.path",
  ApiEndpoint: "https://h1t2t3p4a5.execute-api.us-east-1.amazonaws.com",
};
const WS_API: Api = {
  ...HTTP_API,
  ApiId: "w1s2a3p4i5",
  Name: "chat",
  ProtocolType: "WEBSOCKET",
  RouteSelectionExpression: "$request.body.action",
};
const LOGGED: V2Stage = {
  StageName: "$default",
  AccessLogSettings: {
    DestinationArn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:api-access`,
    Format: "$context.requestId",
  },
  DefaultRouteSettings: { DetailedMetricsEnabled: false, LoggingLevel: "INFO" },
};
const route = (RouteKey: string, AuthorizationType: Route["AuthorizationType"]): Route => ({
  RouteKey,
  AuthorizationType,
  RouteId: RouteKey.length.toString(),
});
const v2 = (api: Api, stages: V2Stage[], routes: Route[]) =>
  v2ApiAsset(WHERE, api, ok({ Items: stages }), ok({ Items: routes }));
const http = (over: { stages?: V2Stage[]; routes?: Route[] } = {}) =>
  v2(
    HTTP_API,
    over.stages ?? [LOGGED],
    over.routes ?? [route("GET /items", "JWT"), route("POST /items", "AWS_IAM")],
  );
const ws = (over: { stages?: V2Stage[]; routes?: Route[] } = {}) =>
  v2(
    WS_API,
    over.stages ?? [{ ...LOGGED, StageName: "production" }],
    over.routes ?? [route("$connect", "AWS_IAM"), route("$disconnect", "NONE"), route("sendMessage", "NONE")],
  );

export const apigatewayCases: CheckCase[] = [
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
  {
    check: "vigil.apigateway.rest-api-client-certificate",
    name: "certificate",
    asset: rest(),
    expect: "pass",
  },
  {
    check: "vigil.apigateway.rest-api-client-certificate",
    name: "none",
    asset: rest({ ...PROD, clientCertificateId: undefined }),
    expect: "fail",
  },
  { check: "vigil.apigateway.rest-api-xray-tracing", name: "on", asset: rest(), expect: "pass" },
  {
    check: "vigil.apigateway.rest-api-xray-tracing",
    name: "off",
    asset: rest({ ...PROD, tracingEnabled: false }),
    expect: "fail",
  },
  { check: "vigil.apigateway.rest-api-waf-attached", name: "web ACL", asset: rest(), expect: "pass" },
  {
    check: "vigil.apigateway.rest-api-waf-attached",
    name: "none",
    asset: rest({ ...PROD, webAclArn: undefined }),
    expect: "fail",
  },
  { check: "vigil.apigateway.rest-api-cache-encrypted", name: "encrypted", asset: rest(), expect: "pass" },
  {
    check: "vigil.apigateway.rest-api-cache-encrypted",
    name: "a cached method unencrypted",
    asset: rest({
      ...PROD,
      methodSettings: {
        ...PROD.methodSettings,
        "items/GET": { cachingEnabled: true, cacheDataEncrypted: false },
      },
    }),
    expect: "fail",
  },
  {
    check: "vigil.apigateway.rest-api-cache-encrypted",
    name: "no caching",
    asset: rest({ ...PROD, methodSettings: settings({ cachingEnabled: false, cacheDataEncrypted: false }) }),
    expect: "n/a",
  },

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
  { check: "vigil.apigatewayv2.websocket-logging-enabled", name: "INFO", asset: ws(), expect: "pass" },
  {
    check: "vigil.apigatewayv2.websocket-logging-enabled",
    name: "OFF",
    asset: ws({ stages: [{ StageName: "production", DefaultRouteSettings: { LoggingLevel: "OFF" } }] }),
    expect: "fail",
  },
  { check: "vigil.apigatewayv2.websocket-logging-enabled", name: "HTTP API", asset: http(), expect: "n/a" },
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
