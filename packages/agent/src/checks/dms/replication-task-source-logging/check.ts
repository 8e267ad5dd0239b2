import { defineCheck } from "../../check.ts";
import { taskLogs } from "../task-logging.ts";

export const replicationTaskSourceLogging = defineCheck({
  id: "vigil.dms.replication-task-source-logging",
  title: "DMS replication tasks for the source database should have logging enabled",
  severity: "medium",
  resourceType: "aws.dms.replication-task",
  reads: ["loggingEnabled", "logSeverities"],
  rationale:
    "Logs of the source side (SOURCE_CAPTURE, SOURCE_UNLOAD) show what a migration read from the source database, which an investigation of the data needs.",
  remediation:
    'aws dms modify-replication-task --replication-task-arn <arn> --replication-task-settings \'{"Logging":{"EnableLogging":true,"LogComponents":[{"Id":"SOURCE_CAPTURE","Severity":"LOGGER_SEVERITY_DEFAULT"},{"Id":"SOURCE_UNLOAD","Severity":"LOGGER_SEVERITY_DEFAULT"}]}}\' (the task must be stopped)',
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/dms-controls.html#dms-8",
    "https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Tasks.CustomizingTasks.TaskSettings.Logging.html",
  ],
  mappings: { cis: [], fsbp: ["DMS.8"] },
  evaluate: (asset) => taskLogs(asset, ["SOURCE_CAPTURE", "SOURCE_UNLOAD"], "source"),
});
