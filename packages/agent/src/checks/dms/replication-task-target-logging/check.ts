import { defineCheck } from "../../check.ts";
import { taskLogs } from "../task-logging.ts";

export const replicationTaskTargetLogging = defineCheck({
  id: "vigil.dms.replication-task-target-logging",
  title: "DMS replication tasks for the target database should have logging enabled",
  severity: "medium",
  resourceType: "aws.dms.replication-task",
  reads: ["loggingEnabled", "logSeverities"],
  rationale:
    "Logs of the target side (TARGET_APPLY, TARGET_LOAD) show what a migration wrote and why it failed, which an investigation of the data needs.",
  remediation:
    'aws dms modify-replication-task --replication-task-arn <arn> --replication-task-settings \'{"Logging":{"EnableLogging":true,"LogComponents":[{"Id":"TARGET_APPLY","Severity":"LOGGER_SEVERITY_DEFAULT"},{"Id":"TARGET_LOAD","Severity":"LOGGER_SEVERITY_DEFAULT"}]}}\' (the task must be stopped)',
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/dms-controls.html#dms-7",
    "https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Tasks.CustomizingTasks.TaskSettings.Logging.html",
  ],
  mappings: { cis: [], fsbp: ["DMS.7"] },
  evaluate: (asset) => taskLogs(asset, ["TARGET_APPLY", "TARGET_LOAD"], "target"),
});
