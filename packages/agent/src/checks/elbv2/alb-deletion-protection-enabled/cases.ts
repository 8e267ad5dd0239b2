import type { CheckCase } from "../../_cases/case.ts";
import { alb } from "../../_cases/elb.ts";

/** Compliant and non-compliant cases of `vigil.elbv2.alb-deletion-protection-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.elbv2.alb-deletion-protection-enabled", name: "on", asset: alb(), expect: "pass" },
  {
    check: "vigil.elbv2.alb-deletion-protection-enabled",
    name: "off",
    asset: alb({ attributes: { "deletion_protection.enabled": "false" } }),
    expect: "fail",
  },
];
