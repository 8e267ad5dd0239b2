import type { CheckCase } from "../../_cases/case.ts";
import { good } from "../../_cases/s3.ts";

/** Compliant and non-compliant cases of `vigil.s3.bucket-object-level-logging-read`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.s3.bucket-object-level-logging-read",
    name: "read data events",
    asset: good(),
    expect: "pass",
  },
  {
    check: "vigil.s3.bucket-object-level-logging-read",
    name: "write-only data events",
    asset: good({ objectLevelLogging: { read: false, write: true } }),
    expect: "fail",
  },
];
