import { PROD, rest } from "../../_cases/apigateway.ts";
import type { CheckCase } from "../../_cases/case.ts";

/** Compliant and non-compliant cases of `vigil.apigateway.rest-api-waf-attached`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.apigateway.rest-api-waf-attached", name: "web ACL", asset: rest(), expect: "pass" },
  {
    check: "vigil.apigateway.rest-api-waf-attached",
    name: "none",
    asset: rest({ ...PROD, webAclArn: undefined }),
    expect: "fail",
  },
];
