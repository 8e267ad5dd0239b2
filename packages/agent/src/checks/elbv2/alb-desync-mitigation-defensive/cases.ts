import type { CheckCase } from "../../_cases/case.ts";
import { alb } from "../../_cases/elb.ts";

/** Compliant and non-compliant cases of `vigil.elbv2.alb-desync-mitigation-defensive`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.elbv2.alb-desync-mitigation-defensive", name: "defensive", asset: alb(), expect: "pass" },
  {
    check: "vigil.elbv2.alb-desync-mitigation-defensive",
    name: "strictest",
    asset: alb({ attributes: { "routing.http.desync_mitigation_mode": "strictest" } }),
    expect: "pass",
  },
  {
    check: "vigil.elbv2.alb-desync-mitigation-defensive",
    name: "monitor",
    asset: alb({ attributes: { "routing.http.desync_mitigation_mode": "monitor" } }),
    expect: "fail",
  },
];
