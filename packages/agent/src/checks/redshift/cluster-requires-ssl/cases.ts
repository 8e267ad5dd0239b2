import type { CheckCase } from "../../_cases/case.ts";
import { LOGGING_ON, redshiftCluster } from "../../_cases/redshift.ts";
import { both } from "../../_cases/verdicts.ts";

/** Compliant and non-compliant cases of `vigil.redshift.cluster-requires-ssl`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  ...both(
    "vigil.redshift.cluster-requires-ssl",
    ["require_ssl true", redshiftCluster()],
    ["require_ssl false (the default group's value)", redshiftCluster({}, LOGGING_ON, "false")],
  ),
];
