import type { CheckCase } from "../../_cases/case.ts";
import { redshiftCluster } from "../../_cases/redshift.ts";
import { both } from "../../_cases/verdicts.ts";

/** Compliant and non-compliant cases of `vigil.redshift.cluster-encrypted`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  ...both(
    "vigil.redshift.cluster-encrypted",
    ["Encrypted true", redshiftCluster()],
    ["Encrypted false", redshiftCluster({ Encrypted: false, KmsKeyId: undefined })],
  ),
];
