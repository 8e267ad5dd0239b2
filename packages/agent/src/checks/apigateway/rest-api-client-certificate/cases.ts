import { PROD, rest } from "../../_cases/apigateway.ts";
import type { CheckCase } from "../../_cases/case.ts";

/** Compliant and non-compliant cases of `vigil.apigateway.rest-api-client-certificate`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
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
];
