import type { CheckCase } from "../../_cases/case.ts";
import { clb } from "../../_cases/elb.ts";

/** Compliant and non-compliant cases of `vigil.elb.cross-zone-load-balancing-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.elb.cross-zone-load-balancing-enabled", name: "on", asset: clb(), expect: "pass" },
  {
    check: "vigil.elb.cross-zone-load-balancing-enabled",
    name: "off",
    asset: clb({ attributes: { CrossZoneLoadBalancing: { Enabled: false } } }),
    expect: "fail",
  },
];
