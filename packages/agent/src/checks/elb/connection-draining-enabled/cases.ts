import type { CheckCase } from "../../_cases/case.ts";
import { clb } from "../../_cases/elb.ts";

/** Compliant and non-compliant cases of `vigil.elb.connection-draining-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.elb.connection-draining-enabled", name: "on", asset: clb(), expect: "pass" },
  {
    check: "vigil.elb.connection-draining-enabled",
    name: "off",
    asset: clb({ attributes: { ConnectionDraining: { Enabled: false, Timeout: 300 } } }),
    expect: "fail",
  },
];
