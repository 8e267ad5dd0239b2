import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("every cached method encrypts its cache data");
const OFF = fail("a method caches responses without encrypting the cache");

export const restApiCacheEncrypted = defineCheck({
  id: "vigil.apigateway.rest-api-cache-encrypted",
  title: "API Gateway REST API cache data should be encrypted at rest",
  severity: "medium",
  resourceType: "aws.apigateway.rest-api",
  reads: ["stages"],
  rationale:
    "Cached responses may hold the API's sensitive answers; an unencrypted cache keeps them in clear on the cache cluster's storage.",
  remediation:
    "aws apigateway update-stage --rest-api-id <id> --stage-name <stage> --patch-operations op=replace,path=/*/*/caching/dataEncrypted,value=true.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-5",
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html",
  ],
  mappings: { cis: [], fsbp: ["APIGateway.5"] },
  evaluate: (asset) => {
    const cached = asset.config.stages.flatMap((s) => s.cachedMethods);
    if (cached.length === 0) return undefined;
    return cached.every((m) => m.cacheDataEncrypted) ? ON : OFF;
  },
});
