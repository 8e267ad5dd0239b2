import type { CheckCase } from "../../_cases/case.ts";
import { good } from "../../_cases/s3.ts";

/** Compliant and non-compliant cases of `vigil.s3.bucket-object-level-logging-write`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.s3.bucket-object-level-logging-write",
    name: "write data events",
    asset: good(),
    expect: "pass",
  },
  {
    check: "vigil.s3.bucket-object-level-logging-write",
    name: "read-only data events",
    asset: good({ objectLevelLogging: { read: true, write: false } }),
    expect: "fail",
  },
  {
    check: "vigil.s3.bucket-object-level-logging-write",
    name: "the trail's event selectors not captured: not assessed",
    asset: good({ objectLevelLogging: null }),
    expect: "error",
  },
];
