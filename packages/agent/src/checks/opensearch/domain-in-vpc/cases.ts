import { REGION } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";
import { domain } from "../../_cases/opensearch.ts";
import { both } from "../../_cases/verdicts.ts";

/** Compliant and non-compliant cases of `vigil.opensearch.domain-in-vpc`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  ...both(
    "vigil.opensearch.domain-in-vpc",
    ["VPCOptions with a VPC", domain()],
    [
      "public endpoint, no VPCOptions",
      domain({
        VPCOptions: undefined,
        Endpoints: undefined,
        Endpoint: `search-logs-abc.${REGION}.es.amazonaws.com`,
      }),
    ],
  ),
];
