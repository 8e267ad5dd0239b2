import type { CheckCase } from "../../_cases/case.ts";
import { subscriptionCases } from "../../_cases/rds-settings.ts";

/** Compliant and non-compliant cases of `vigil.rds.parameter-group-event-subscription`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = subscriptionCases(
  "vigil.rds.parameter-group-event-subscription",
  "db-parameter-group",
  ["configuration change"],
  false,
);
