import type { CheckCase } from "../../_cases/case.ts";
import { domain } from "../../_cases/opensearch.ts";
import { both } from "../../_cases/verdicts.ts";

/** Compliant and non-compliant cases of `vigil.opensearch.domain-software-updated`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  ...both(
    "vigil.opensearch.domain-software-updated",
    ["UpdateAvailable false", domain()],
    [
      "UpdateAvailable true",
      domain({
        ServiceSoftwareOptions: { CurrentVersion: "OpenSearch_2_11_R20240502", UpdateAvailable: true },
      }),
    ],
  ),
];
