import type { CheckCase } from "../../_cases/case.ts";
import { mixed, settings, task } from "../../_cases/dms.ts";

/** Compliant and non-compliant cases of `vigil.dms.replication-task-target-logging`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.dms.replication-task-target-logging",
    name: "every component at LOGGER_SEVERITY_DEFAULT",
    asset: task({}),
    expect: "pass",
  },
  {
    check: "vigil.dms.replication-task-target-logging",
    name: "TARGET_APPLY at LOGGER_SEVERITY_WARNING",
    asset: task({ ReplicationTaskSettings: mixed }),
    expect: "fail",
    evidence: /TARGET_APPLY/,
  },
  {
    check: "vigil.dms.replication-task-target-logging",
    name: "EnableLogging false",
    asset: task({ ReplicationTaskSettings: settings({ EnableLogging: false, LogComponents: [] }) }),
    expect: "fail",
  },
];
