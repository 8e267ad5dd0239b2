import type { CheckCase } from "../../_cases/case.ts";
import { domain } from "../../_cases/opensearch.ts";
import { both } from "../../_cases/verdicts.ts";

/** Compliant and non-compliant cases of `vigil.opensearch.domain-node-to-node-encryption`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  ...both(
    "vigil.opensearch.domain-node-to-node-encryption",
    ["NodeToNodeEncryptionOptions.Enabled true", domain()],
    [
      "NodeToNodeEncryptionOptions.Enabled false",
      domain({ NodeToNodeEncryptionOptions: { Enabled: false } }),
    ],
  ),
];
