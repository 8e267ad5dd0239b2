import type { CheckCase } from "../../_cases/case.ts";
import { subscriptionCases } from "../../_cases/rds-settings.ts";

/** Compliant and non-compliant cases of `vigil.rds.security-group-event-subscription`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = subscriptionCases(
  "vigil.rds.security-group-event-subscription",
  "db-security-group",
  ["configuration change", "failure"],
  false,
);
