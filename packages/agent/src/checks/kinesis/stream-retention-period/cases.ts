import type { CheckCase } from "../../_cases/case.ts";
import { stream } from "../../_cases/kinesis.ts";

/** Compliant and non-compliant cases of `vigil.kinesis.stream-retention-period`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.kinesis.stream-retention-period",
    name: "RetentionPeriodHours 168",
    asset: stream({}),
    expect: "pass",
  },
  {
    check: "vigil.kinesis.stream-retention-period",
    name: "RetentionPeriodHours 24 (the default)",
    asset: stream({ RetentionPeriodHours: 24 }),
    expect: "fail",
    evidence: /24 hours/,
  },
];
