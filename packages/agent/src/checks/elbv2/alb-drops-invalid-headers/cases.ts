import type { CheckCase } from "../../_cases/case.ts";
import { alb, nlb } from "../../_cases/elb.ts";

/** Compliant and non-compliant cases of `vigil.elbv2.alb-drops-invalid-headers`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.elbv2.alb-drops-invalid-headers", name: "dropped", asset: alb(), expect: "pass" },
  {
    check: "vigil.elbv2.alb-drops-invalid-headers",
    name: "forwarded",
    asset: alb({ attributes: { "routing.http.drop_invalid_header_fields.enabled": "false" } }),
    expect: "fail",
  },
  { check: "vigil.elbv2.alb-drops-invalid-headers", name: "NLB", asset: nlb([]), expect: "n/a" },
];
