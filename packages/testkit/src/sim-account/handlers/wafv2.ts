import { apiError } from "../errors.ts";
import { type Call, type Handler, type Output, paginate, read, readList, required } from "./context.ts";

/**
 * AWS WAF (v2): web ACLs by scope — `REGIONAL` ones in the region's files, `CLOUDFRONT` ones in
 * the global files and only through us-east-1, as AWS has it. A web ACL without a
 * `get-logging-configuration/<id>` file has no logging: WAFNonexistentItemException.
 */

function scopeOf(call: Call): { global: boolean } {
  const scope = required(call.input, "Scope", call.operation);
  if (scope === "CLOUDFRONT" && call.region !== "us-east-1")
    throw apiError(
      "WAFInvalidParameterException",
      "Error reason: The scope is not valid., field: SCOPE_VALUE, parameter: CLOUDFRONT",
    );
  return { global: scope === "CLOUDFRONT" };
}

function webAcls(call: Call, global: boolean): Output[] {
  return readList(call, "list-web-acls", "WebACLs", { global });
}

function notFound(): never {
  throw apiError(
    "WAFNonexistentItemException",
    "AWS WAF couldn’t perform the operation because your resource doesn’t exist.",
  );
}

export const WAFV2_HANDLERS: Record<string, Handler> = {
  ListWebACLs: (call) => {
    const { global } = scopeOf(call);
    const { page, next } = paginate(webAcls(call, global), {
      token: call.input.NextMarker,
      limit: call.input.Limit,
      defaultLimit: 100,
      minLimit: 1,
      maxLimit: 100,
    });
    return { WebACLs: page, ...(next ? { NextMarker: next } : {}) };
  },
  GetWebACL: (call) => {
    const { global } = scopeOf(call);
    const id = required(call.input, "Id", call.operation);
    if (!webAcls(call, global).some((a) => a.Id === id && a.Name === call.input.Name)) notFound();
    return read(call, "get-web-acl", { global, resource: id });
  },
  GetLoggingConfiguration: (call) => {
    const arn = required(call.input, "ResourceArn", call.operation);
    // `arn:aws:wafv2:<region>:<account>:<regional|global>/webacl/<name>/<id>`
    const global = arn.split(":")[5]?.startsWith("global/") === true;
    if (global && call.region !== "us-east-1") notFound();
    const acl = webAcls(call, global).find((a) => a.ARN === arn);
    if (!acl) notFound();
    return read(call, "get-logging-configuration", { global, resource: String(acl.Id) });
  },
};
