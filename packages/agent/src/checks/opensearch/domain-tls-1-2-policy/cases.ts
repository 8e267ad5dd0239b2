import type { CheckCase } from "../../_cases/case.ts";
import { domain } from "../../_cases/opensearch.ts";
import { both } from "../../_cases/verdicts.ts";

/** Compliant and non-compliant cases of `vigil.opensearch.domain-tls-1-2-policy`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  ...both(
    "vigil.opensearch.domain-tls-1-2-policy",
    ["HTTPS enforced, Policy-Min-TLS-1-2-PFS-2023-10", domain()],
    [
      "Policy-Min-TLS-1-0-2019-07",
      domain({
        DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: "Policy-Min-TLS-1-0-2019-07" },
      }),
    ],
  ),
  {
    check: "vigil.opensearch.domain-tls-1-2-policy",
    name: "EnforceHTTPS false",
    asset: domain({
      DomainEndpointOptions: { EnforceHTTPS: false, TLSSecurityPolicy: "Policy-Min-TLS-1-2-2019-07" },
    }),
    expect: "fail",
    evidence: /HTTP/,
  },
];
