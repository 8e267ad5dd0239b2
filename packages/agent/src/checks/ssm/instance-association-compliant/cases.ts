import type { CheckCase } from "../../_cases/case.ts";
import { facts, ID, instance, MANAGED_COMPLIANT, MANAGED_FAILING, summary } from "../../_cases/ssm.ts";

/** Compliant and non-compliant cases of `vigil.ssm.instance-association-compliant`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.ssm.instance-association-compliant",
    name: "Association COMPLIANT",
    asset: instance(MANAGED_COMPLIANT),
    expect: "pass",
  },
  {
    check: "vigil.ssm.instance-association-compliant",
    name: "Association NON_COMPLIANT",
    asset: instance(MANAGED_FAILING),
    expect: "fail",
  },
  {
    check: "vigil.ssm.instance-association-compliant",
    name: "no association",
    asset: instance(facts([ID], [summary("Patch", "COMPLIANT")])),
    expect: "n/a",
  },
];
