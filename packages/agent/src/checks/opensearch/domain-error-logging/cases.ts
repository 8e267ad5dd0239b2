import type { CheckCase } from "../../_cases/case.ts";
import { domain } from "../../_cases/opensearch.ts";
import { both } from "../../_cases/verdicts.ts";

/** Compliant and non-compliant cases of `vigil.opensearch.domain-error-logging`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  ...both(
    "vigil.opensearch.domain-error-logging",
    ["ES_APPLICATION_LOGS to a log group", domain()],
    ["no ES_APPLICATION_LOGS", domain({ LogPublishingOptions: { AUDIT_LOGS: { Enabled: true } } })],
  ),
  {
    check: "vigil.opensearch.domain-error-logging",
    name: "ES_APPLICATION_LOGS disabled",
    asset: domain({ LogPublishingOptions: { ES_APPLICATION_LOGS: { Enabled: false } } }),
    expect: "fail",
  },
];
