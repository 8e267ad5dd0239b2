import { PROD, rest, settings } from "../../_cases/apigateway.ts";
import type { CheckCase } from "../../_cases/case.ts";

/** Compliant and non-compliant cases of `vigil.apigateway.rest-api-cache-encrypted`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
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
];
