import type { CheckCase } from "../../_cases/case.ts";
import { cluster } from "../../_cases/docdb-neptune.ts";
import { both } from "../../_cases/verdicts.ts";

/** Compliant and non-compliant cases of `vigil.neptune.cluster-copy-tags-to-snapshots`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  ...both(
    "vigil.neptune.cluster-copy-tags-to-snapshots",
    ["CopyTagsToSnapshot true", cluster("neptune")],
    ["CopyTagsToSnapshot false", cluster("neptune", { CopyTagsToSnapshot: false })],
  ),
];
