import type { CheckCase } from "../../_cases/case.ts";
import { domain } from "../../_cases/opensearch.ts";
import { both } from "../../_cases/verdicts.ts";

/** Compliant and non-compliant cases of `vigil.opensearch.domain-encrypted-at-rest`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  ...both(
    "vigil.opensearch.domain-encrypted-at-rest",
    ["EncryptionAtRestOptions.Enabled true", domain()],
    ["EncryptionAtRestOptions.Enabled false", domain({ EncryptionAtRestOptions: { Enabled: false } })],
  ),
];
