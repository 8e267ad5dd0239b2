import type { CheckCase } from "../../_cases/case.ts";
import { domain } from "../../_cases/opensearch.ts";
import { both } from "../../_cases/verdicts.ts";

/** Compliant and non-compliant cases of `vigil.opensearch.domain-fine-grained-access-control`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  ...both(
    "vigil.opensearch.domain-fine-grained-access-control",
    ["AdvancedSecurityOptions.Enabled true", domain()],
    ["AdvancedSecurityOptions.Enabled false", domain({ AdvancedSecurityOptions: { Enabled: false } })],
  ),
];
