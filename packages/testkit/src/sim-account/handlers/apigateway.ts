import { apiError } from "../errors.ts";
import { type Call, type Handler, type Output, paginate, read, readList, required } from "./context.ts";

/**
 * API Gateway: REST APIs (`position` / `limit` pages, lower-case members) and their stages; HTTP
 * and WebSocket APIs (apigatewayv2: `NextToken` / `MaxResults` pages) with their stages and
 * routes, each keyed by the API's id.
 */

function restApi(call: Call): string {
  const id = required(call.input, "restApiId", call.operation);
  if (!readList(call, "get-rest-apis", "items").some((a) => a.id === id))
    throw apiError("NotFoundException", "Invalid API identifier specified");
  return id;
}

export const APIGATEWAY_HANDLERS: Record<string, Handler> = {
  GetRestApis: (call) => {
    const { page, next } = paginate(readList(call, "get-rest-apis", "items"), {
      token: call.input.position,
      limit: call.input.limit,
      defaultLimit: 25,
      minLimit: 1,
      maxLimit: 500,
    });
    return { items: page, ...(next ? { position: next } : {}) };
  },
  GetStages: (call) => read(call, "get-stages", { resource: restApi(call) }),
};

function v2Page(call: Call, command: string, resource?: string): Output {
  const items = readList(call, command, "Items", resource === undefined ? {} : { resource });
  const { page, next } = paginate(items, {
    token: call.input.NextToken,
    limit: call.input.MaxResults,
    defaultLimit: 100,
    minLimit: 1,
    maxLimit: 500,
  });
  return { Items: page, ...(next ? { NextToken: next } : {}) };
}

function v2Api(call: Call): string {
  const id = required(call.input, "ApiId", call.operation);
  if (!readList(call, "get-apis", "Items").some((a) => a.ApiId === id))
    throw apiError("NotFoundException", `Invalid API identifier specified ${call.model.accountId}:${id}`);
  return id;
}

export const APIGATEWAYV2_HANDLERS: Record<string, Handler> = {
  GetApis: (call) => v2Page(call, "get-apis"),
  GetStages: (call) => v2Page(call, "get-stages", v2Api(call)),
  GetRoutes: (call) => v2Page(call, "get-routes", v2Api(call)),
};
