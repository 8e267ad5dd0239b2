import type { CheckCase } from "../../_cases/case.ts";
import { cluster, domain } from "../../_cases/opensearch.ts";
import { both } from "../../_cases/verdicts.ts";

/** Compliant and non-compliant cases of `vigil.opensearch.domain-three-data-nodes`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  ...both(
    "vigil.opensearch.domain-three-data-nodes",
    ["3 data nodes, zone awareness", domain()],
    [
      "1 data node",
      domain({
        ClusterConfig: {
          ...cluster,
          InstanceCount: 1,
          ZoneAwarenessEnabled: false,
          ZoneAwarenessConfig: undefined,
        },
      }),
    ],
  ),
  {
    check: "vigil.opensearch.domain-three-data-nodes",
    name: "3 data nodes without zone awareness",
    asset: domain({ ClusterConfig: { ...cluster, ZoneAwarenessEnabled: false } }),
    expect: "fail",
    evidence: /zone awareness/,
  },
];
