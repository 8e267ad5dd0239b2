import type { CheckCase } from "../../_cases/case.ts";
import { LOGGING_OFF, redshiftCluster } from "../../_cases/redshift.ts";
import { both } from "../../_cases/verdicts.ts";

/** Compliant and non-compliant cases of `vigil.redshift.cluster-audit-logging`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  ...both(
    "vigil.redshift.cluster-audit-logging",
    ["LoggingEnabled true", redshiftCluster()],
    ["LoggingEnabled false", redshiftCluster({}, LOGGING_OFF)],
  ),
];
