import type { CheckCase } from "../../_cases/case.ts";
import { redshiftCluster } from "../../_cases/redshift.ts";
import { both } from "../../_cases/verdicts.ts";

const CHECK = "vigil.redshift.cluster-multi-az";

/** Compliant and non-compliant cases of `vigil.redshift.cluster-multi-az`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  ...both(
    CHECK,
    ["MultiAZ Enabled", redshiftCluster()],
    ["MultiAZ Disabled", redshiftCluster({ MultiAZ: "Disabled" })],
  ),
  {
    check: CHECK,
    name: "MultiAZ not in the answer (a cluster AWS describes without it)",
    asset: redshiftCluster({ MultiAZ: undefined }),
    expect: "fail",
    evidence: /Multi-AZ deployment is disabled/,
  },
];
