import type { CheckCase } from "../../_cases/case.ts";
import { fn } from "../../_cases/compute.ts";

/** Compliant and non-compliant cases of `vigil.lambda.function-runtime-supported`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.lambda.function-runtime-supported",
    name: "nodejs22.x",
    asset: fn("nodejs22.x"),
    expect: "pass",
  },
  {
    check: "vigil.lambda.function-runtime-supported",
    name: "nodejs16.x",
    asset: fn("nodejs16.x"),
    expect: "fail",
    evidence: /2024-06-12/,
  },
  {
    check: "vigil.lambda.function-runtime-supported",
    name: "python3.9 before its deprecation date",
    asset: fn("python3.9"),
    expect: "pass",
  },
  {
    check: "vigil.lambda.function-runtime-supported",
    name: "python3.9 after its deprecation date",
    asset: fn("python3.9"),
    now: "2026-01-01T00:00:00Z",
    expect: "fail",
  },
  {
    check: "vigil.lambda.function-runtime-supported",
    name: "container image",
    asset: fn(undefined, "Image"),
    expect: "n/a",
  },
];
