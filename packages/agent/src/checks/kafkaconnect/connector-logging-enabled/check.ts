import { defineCheck, fail, pass } from "../../check.ts";

export const kafkaConnectConnectorLoggingEnabled = defineCheck({
  id: "vigil.kafkaconnect.connector-logging-enabled",
  title: "MSK connectors should have logging enabled",
  severity: "medium",
  resourceType: "aws.kafkaconnect.connector",
  reads: ["logDestinations"],
  rationale:
    "Worker logs are the only record of what a connector did: the records it failed to move, the errors of its plugins, who it connected as. Without a destination they are lost.",
  remediation:
    "Log delivery is set at creation: create the connector again with --log-delivery workerLogDelivery={cloudWatchLogs={enabled=true,logGroup=<group>}} (or Firehose, or S3), then delete the old one (console: MSK > MSK Connect > Connectors > Create connector > Logs)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/msk-controls.html#msk-5",
    "https://docs.aws.amazon.com/msk/latest/developerguide/msk-connect-logging.html",
  ],
  mappings: { cis: [], fsbp: ["MSK.5"] },
  evaluate: (asset) =>
    asset.config.logDestinations.length > 0
      ? pass(`worker logs go to ${asset.config.logDestinations.join(", ")}`)
      : fail("worker logs are delivered nowhere"),
});
