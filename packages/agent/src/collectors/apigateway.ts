import {
  APIGatewayClient,
  GetStagesCommand,
  type GetStagesCommandOutput,
  paginateGetRestApis,
  type RestApi,
} from "@aws-sdk/client-api-gateway";
import {
  type Api,
  ApiGatewayV2Client,
  GetApisCommand,
  type GetApisResponse,
  GetRoutesCommand,
  type GetRoutesResponse,
  GetStagesCommand as GetV2StagesCommand,
  type GetStagesResponse as GetV2StagesResponse,
} from "@aws-sdk/client-apigatewayv2";
import type { AssetOf } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import { type CollectContext, type Collector, followPages, mapLimit, notListed } from "./collector.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ apigateway: APIGatewayClient, apigatewayv2: ApiGatewayV2Client });

/**
 * API Gateway: REST APIs with their stages (apigateway), HTTP and WebSocket APIs with their stages
 * and routes (apigatewayv2). The mappers from AWS's answers to assets are pure and exported: the
 * check cases build assets through them.
 */

type Where = Pick<CollectContext, "partition" | "region" | "accountId">;

const ALL_METHODS = "*/*";

/** One REST API from `GetRestApis` and its `GetStages`. */
export function restApiAsset(
  c: Where,
  api: RestApi,
  stages: RawOutcome<Pick<GetStagesCommandOutput, "item">>,
): AssetOf<"aws.apigateway.rest-api"> {
  const id = api.id ?? "";
  const unread = new UnreadFields();
  const config: Partial<AssetOf<"aws.apigateway.rest-api">["config"]> = {
    restApiId: id,
    endpointTypes: (api.endpointConfiguration?.types ?? []).map(String),
  };
  if (!unread.failed(stages, "stages") && stages.ok)
    config.stages = (stages.value.item ?? []).map((s) => {
      const settings = s.methodSettings ?? {};
      return {
        stageName: s.stageName ?? "",
        loggingLevel: settings[ALL_METHODS]?.loggingLevel ?? null,
        clientCertificateId: s.clientCertificateId || null,
        tracingEnabled: s.tracingEnabled === true,
        webAclArn: s.webAclArn || null,
        cachedMethods: Object.entries(settings)
          .filter(([, m]) => m.cachingEnabled === true)
          .map(([key, m]) => ({ key, cacheDataEncrypted: m.cacheDataEncrypted === true })),
      };
    });
  return unread.attach({
    arn: `arn:${c.partition}:apigateway:${c.region}::/restapis/${id}`,
    type: "aws.apigateway.rest-api",
    region: c.region,
    accountId: c.accountId,
    name: api.name ?? id,
    tags: { ...(api.tags ?? {}) },
    config: config as AssetOf<"aws.apigateway.rest-api">["config"],
  });
}

/** One HTTP or WebSocket API from `GetApis` and its `GetStages` and `GetRoutes`. */
export function v2ApiAsset(
  c: Where,
  api: Api,
  stages: RawOutcome<Pick<GetV2StagesResponse, "Items">>,
  routes: RawOutcome<Pick<GetRoutesResponse, "Items">>,
): AssetOf<"aws.apigatewayv2.api"> {
  const id = api.ApiId ?? "";
  const unread = new UnreadFields();
  const config: Partial<AssetOf<"aws.apigatewayv2.api">["config"]> = {
    apiId: id,
    protocolType: String(api.ProtocolType ?? "HTTP"),
  };
  if (!unread.failed(stages, "stages") && stages.ok)
    config.stages = (stages.value.Items ?? []).map((s) => ({
      stageName: s.StageName ?? "",
      accessLogDestination: s.AccessLogSettings?.DestinationArn || null,
      loggingLevel: s.DefaultRouteSettings?.LoggingLevel ?? null,
    }));
  if (!unread.failed(routes, "routes") && routes.ok)
    config.routes = (routes.value.Items ?? []).map((r) => ({
      routeKey: r.RouteKey ?? "",
      authorizationType: String(r.AuthorizationType ?? "NONE"),
    }));
  return unread.attach({
    arn: `arn:${c.partition}:apigateway:${c.region}::/apis/${id}`,
    type: "aws.apigatewayv2.api",
    region: c.region,
    accountId: c.accountId,
    name: api.Name ?? id,
    tags: { ...(api.Tags ?? {}) },
    config: config as AssetOf<"aws.apigatewayv2.api">["config"],
  });
}

/** apigatewayv2 has no SDK paginators: follows `NextToken` and merges the pages. */
const allPages = <T extends { NextToken?: string | undefined }>(
  page: (token: string | undefined) => Promise<T>,
) => followPages(page, (p) => p.NextToken);

export const restApisCollector: Collector = {
  id: "apigateway-rest-apis",
  scope: "regional",
  resourceTypes: ["aws.apigateway.rest-api"],
  async collect(c) {
    const out = await c.read.pages({ scope: c.region, service: "apigateway", command: "get-rest-apis" }, () =>
      paginateGetRestApis({ client: c.clients.apigateway, pageSize: 500 }, {}),
    );
    if (!out.ok) return notListed(c, restApisCollector);
    const assets = await mapLimit(out.value.items ?? [], 4, async (api) => {
      const restApiId = api.id ?? "";
      const stages = await c.read.one(
        { scope: c.region, service: "apigateway", command: "get-stages", resource: restApiId },
        () => c.clients.apigateway.send(new GetStagesCommand({ restApiId })),
      );
      return restApiAsset(c, api, stages);
    });
    return { assets };
  },
};

export const v2ApisCollector: Collector = {
  id: "apigatewayv2-apis",
  scope: "regional",
  resourceTypes: ["aws.apigatewayv2.api"],
  async collect(c) {
    const client = c.clients.apigatewayv2;
    const out = await c.read.pages({ scope: c.region, service: "apigatewayv2", command: "get-apis" }, () =>
      allPages<GetApisResponse>((NextToken) =>
        client.send(new GetApisCommand({ NextToken, MaxResults: "500" })),
      ),
    );
    if (!out.ok) return notListed(c, v2ApisCollector);
    const assets = await mapLimit(out.value.Items ?? [], 4, async (api) => {
      const ApiId = api.ApiId ?? "";
      const [stages, routes] = await Promise.all([
        c.read.pages(
          { scope: c.region, service: "apigatewayv2", command: "get-stages", resource: ApiId },
          () =>
            allPages<GetV2StagesResponse>((NextToken) =>
              client.send(new GetV2StagesCommand({ ApiId, NextToken, MaxResults: "500" })),
            ),
        ),
        c.read.pages(
          { scope: c.region, service: "apigatewayv2", command: "get-routes", resource: ApiId },
          () =>
            allPages<GetRoutesResponse>((NextToken) =>
              client.send(new GetRoutesCommand({ ApiId, NextToken, MaxResults: "500" })),
            ),
        ),
      ]);
      return v2ApiAsset(c, api, stages, routes);
    });
    return { assets };
  },
};
