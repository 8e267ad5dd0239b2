import type { CheckCase } from "../../_cases/case.ts";
import { provisioned } from "../../_cases/kafka.ts";

/** Compliant and non-compliant cases of `vigil.kafka.cluster-unauthenticated-access-disabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.kafka.cluster-unauthenticated-access-disabled",
    name: "IAM only",
    asset: provisioned({}),
    expect: "pass",
  },
  {
    check: "vigil.kafka.cluster-unauthenticated-access-disabled",
    name: "Unauthenticated enabled",
    asset: provisioned({ ClientAuthentication: { Unauthenticated: { Enabled: true } } }),
    expect: "fail",
  },
];
