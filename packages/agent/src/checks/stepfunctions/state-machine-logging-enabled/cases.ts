import type { CheckCase } from "../../_cases/case.ts";
import { MACHINE, machine } from "../../_cases/operations.ts";

/** Compliant and non-compliant cases of `vigil.stepfunctions.state-machine-logging-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.stepfunctions.state-machine-logging-enabled",
    name: "level ERROR",
    asset: machine(MACHINE.loggingConfiguration),
    expect: "pass",
  },
  {
    check: "vigil.stepfunctions.state-machine-logging-enabled",
    name: "level OFF",
    asset: machine({ level: "OFF", includeExecutionData: false }),
    expect: "fail",
  },
  {
    check: "vigil.stepfunctions.state-machine-logging-enabled",
    name: "no loggingConfiguration",
    asset: machine(undefined),
    expect: "fail",
  },
];
