import type { CheckCase } from "../../_cases/case.ts";
import { ALL_BLOCKED, accessPoint } from "../../_cases/s3-access-points.ts";

const check = "vigil.s3.access-point-public-access-blocked";

/** Compliant and non-compliant cases of `vigil.s3.access-point-public-access-blocked`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check, name: "all four settings on", asset: accessPoint(ALL_BLOCKED), expect: "pass" },
  {
    check,
    name: "public policies allowed",
    asset: accessPoint({ ...ALL_BLOCKED, BlockPublicPolicy: false, RestrictPublicBuckets: false }),
    expect: "fail",
    evidence: /blockPublicPolicy, restrictPublicBuckets/,
  },
  {
    check,
    name: "no configuration in the answer",
    asset: accessPoint(),
    expect: "fail",
    evidence: /no Block Public Access configuration/,
  },
];
