import type { CheckCase } from "../../_cases/case.ts";
import { redshiftCluster } from "../../_cases/redshift.ts";
import { both } from "../../_cases/verdicts.ts";

/** Compliant and non-compliant cases of `vigil.redshift.cluster-not-public`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  ...both(
    "vigil.redshift.cluster-not-public",
    ["PubliclyAccessible false", redshiftCluster()],
    ["PubliclyAccessible true", redshiftCluster({ PubliclyAccessible: true })],
  ),
];
