import type { CheckCase } from "../../_cases/case.ts";
import { clb } from "../../_cases/elb.ts";

/** Compliant and non-compliant cases of `vigil.elb.access-logging-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.elb.access-logging-enabled", name: "on", asset: clb(), expect: "pass" },
  {
    check: "vigil.elb.access-logging-enabled",
    name: "off",
    asset: clb({ attributes: { AccessLog: { Enabled: false } } }),
    expect: "fail",
  },
];
