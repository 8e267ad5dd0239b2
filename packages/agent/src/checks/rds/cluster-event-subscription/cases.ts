import type { CheckCase } from "../../_cases/case.ts";
import { subscriptionCases } from "../../_cases/rds-settings.ts";

/** Compliant and non-compliant cases of `vigil.rds.cluster-event-subscription`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = subscriptionCases(
  "vigil.rds.cluster-event-subscription",
  "db-cluster",
  ["failure", "maintenance"],
  true,
);
