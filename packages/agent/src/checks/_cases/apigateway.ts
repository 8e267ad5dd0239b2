import type { RestApi, Stage } from "@aws-sdk/client-api-gateway";
import type { Api, Route, Stage as V2Stage } from "@aws-sdk/client-apigatewayv2";
import { restApiAsset, v2ApiAsset } from "../../collectors/apigateway.ts";
import { ACCOUNT, REGION } from "./aws.ts";

/** APIs built through the collector's own mappers from AWS's answers (as the SDK returns them). */
export const WHERE = { partition: "aws", region: REGION, accountId: ACCOUNT };
export const ok = <T>(value: T) => ({ ok: true as const, value });
export const REST_API: RestApi = {
  id: "a1b2c3d4e5",
  name: "orders",
  createdDate: new Date("2025-01-10T00:00:00Z"),
  apiKeySource: "HEADER",
  endpointConfiguration: { types: ["REGIONAL"] },
};
/** A stage as a careful owner configures it. */
export const PROD: Stage = {
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
export const rest = (...stages: Stage[]) =>
  restApiAsset(WHERE, REST_API, ok({ item: stages.length ? stages : [PROD] }));
export const settings = (over: NonNullable<Stage["methodSettings"]>[string]) => ({
  "*/*": { ...PROD.methodSettings?.["*/*"], ...over },
});
export const HTTP_API: Api = {
  ApiId: "h1t2t3p4a5",
  Name: "items",
  ProtocolType: "HTTP",
  RouteSelectionExpression: "$request.method $request.path",
  ApiEndpoint: "https://h1t2t3p4a5.execute-api.us-east-1.amazonaws.com",
};
export const WS_API: Api = {
  ...HTTP_API,
  ApiId: "w1s2a3p4i5",
  Name: "chat",
  ProtocolType: "WEBSOCKET",
  RouteSelectionExpression: "$request.body.action",
};
export const LOGGED: V2Stage = {
  StageName: "$default",
  AccessLogSettings: {
    DestinationArn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:api-access`,
    Format: "$context.requestId",
  },
  DefaultRouteSettings: { DetailedMetricsEnabled: false, LoggingLevel: "INFO" },
};
export const route = (RouteKey: string, AuthorizationType: Route["AuthorizationType"]): Route => ({
  RouteKey,
  AuthorizationType,
  RouteId: RouteKey.length.toString(),
});
export const v2 = (api: Api, stages: V2Stage[], routes: Route[]) =>
  v2ApiAsset(WHERE, api, ok({ Items: stages }), ok({ Items: routes }));
export const http = (over: { stages?: V2Stage[]; routes?: Route[] } = {}) =>
  v2(
    HTTP_API,
    over.stages ?? [LOGGED],
    over.routes ?? [route("GET /items", "JWT"), route("POST /items", "AWS_IAM")],
  );
export const ws = (over: { stages?: V2Stage[]; routes?: Route[] } = {}) =>
  v2(
    WS_API,
    over.stages ?? [{ ...LOGGED, StageName: "production" }],
    over.routes ?? [route("$connect", "AWS_IAM"), route("$disconnect", "NONE"), route("sendMessage", "NONE")],
  );
