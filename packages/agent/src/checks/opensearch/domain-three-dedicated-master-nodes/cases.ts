import type { CheckCase } from "../../_cases/case.ts";
import { cluster, domain } from "../../_cases/opensearch.ts";
import { both } from "../../_cases/verdicts.ts";

/** Compliant and non-compliant cases of `vigil.opensearch.domain-three-dedicated-master-nodes`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  ...both(
    "vigil.opensearch.domain-three-dedicated-master-nodes",
    ["3 dedicated primary nodes", domain()],
    [
      "no dedicated primary nodes",
      domain({
        ClusterConfig: { ...cluster, DedicatedMasterEnabled: false, DedicatedMasterCount: undefined },
      }),
    ],
  ),
];
