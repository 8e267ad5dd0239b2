import type { CheckCase } from "../../_cases/case.ts";
import { ALL_BLOCKED, multiRegionAccessPoint } from "../../_cases/s3-access-points.ts";

const check = "vigil.s3.multi-region-access-point-public-access-blocked";

/** Compliant and non-compliant cases of `vigil.s3.multi-region-access-point-public-access-blocked`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check, name: "all four settings on", asset: multiRegionAccessPoint(ALL_BLOCKED), expect: "pass" },
  {
    check,
    name: "public ACLs honoured",
    asset: multiRegionAccessPoint({ ...ALL_BLOCKED, IgnorePublicAcls: false }),
    expect: "fail",
    evidence: /ignorePublicAcls/,
  },
];
