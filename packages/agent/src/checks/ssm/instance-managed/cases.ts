import type { CheckCase } from "../../_cases/case.ts";
import { facts, instance, MANAGED_COMPLIANT } from "../../_cases/ssm.ts";

/** Compliant and non-compliant cases of `vigil.ssm.instance-managed`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.ssm.instance-managed",
    name: "running, managed",
    asset: instance(MANAGED_COMPLIANT),
    expect: "pass",
  },
  {
    check: "vigil.ssm.instance-managed",
    name: "running, not managed",
    asset: instance(facts([], [])),
    expect: "fail",
  },
  {
    check: "vigil.ssm.instance-managed",
    name: "stopped, not managed",
    asset: instance(facts([], []), { State: { Code: 80, Name: "stopped" } }),
    expect: "n/a",
  },
];
