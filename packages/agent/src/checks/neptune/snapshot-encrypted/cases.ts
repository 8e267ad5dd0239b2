import type { CheckCase } from "../../_cases/case.ts";
import { snapshot } from "../../_cases/docdb-neptune.ts";
import { both } from "../../_cases/verdicts.ts";

/** Compliant and non-compliant cases of `vigil.neptune.snapshot-encrypted`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  ...both(
    "vigil.neptune.snapshot-encrypted",
    ["StorageEncrypted true", snapshot("neptune")],
    ["StorageEncrypted false", snapshot("neptune", { StorageEncrypted: false, KmsKeyId: undefined })],
  ),
];
