import type { CheckCase } from "../../_cases/case.ts";
import { cluster } from "../../_cases/docdb-neptune.ts";
import { both } from "../../_cases/verdicts.ts";

/** Compliant and non-compliant cases of `vigil.neptune.cluster-iam-authentication`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  ...both(
    "vigil.neptune.cluster-iam-authentication",
    ["IAMDatabaseAuthenticationEnabled true", cluster("neptune")],
    [
      "IAMDatabaseAuthenticationEnabled false",
      cluster("neptune", { IAMDatabaseAuthenticationEnabled: false }),
    ],
  ),
];
