import type { CheckCase } from "../../_cases/case.ts";
import { mixed, settings, task } from "../../_cases/dms.ts";

/** Compliant and non-compliant cases of `vigil.dms.replication-task-source-logging`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.dms.replication-task-source-logging",
    name: "source components at DEBUG and DETAILED_DEBUG",
    asset: task({ ReplicationTaskSettings: mixed }),
    expect: "pass",
  },
  {
    check: "vigil.dms.replication-task-source-logging",
    name: "no SOURCE_CAPTURE component",
    asset: task({
      ReplicationTaskSettings: settings({
        EnableLogging: true,
        LogComponents: [{ Id: "SOURCE_UNLOAD", Severity: "LOGGER_SEVERITY_DEFAULT" }],
      }),
    }),
    expect: "fail",
    evidence: /SOURCE_CAPTURE/,
  },
];
