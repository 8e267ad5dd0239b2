import type { CheckCase } from "../../_cases/case.ts";
import { clb } from "../../_cases/elb.ts";

/** Compliant and non-compliant cases of `vigil.elb.desync-mitigation-defensive`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.elb.desync-mitigation-defensive", name: "defensive", asset: clb(), expect: "pass" },
  {
    check: "vigil.elb.desync-mitigation-defensive",
    name: "not returned: AWS's default, defensive",
    asset: clb({ attributes: { AdditionalAttributes: [] } }),
    expect: "pass",
  },
  {
    check: "vigil.elb.desync-mitigation-defensive",
    name: "monitor",
    asset: clb({
      attributes: { AdditionalAttributes: [{ Key: "elb.http.desyncmitigationmode", Value: "monitor" }] },
    }),
    expect: "fail",
  },
];
