import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("error logs are published to CloudWatch Logs");
const OFF = fail("error logs are not published to CloudWatch Logs");
export const openSearchDomainErrorLogging = defineCheck({
  id: "vigil.opensearch.domain-error-logging",
  title: "OpenSearch domain error logging to CloudWatch Logs should be enabled",
  severity: "medium",
  resourceType: "aws.opensearch.domain",
  reads: ["errorLogsToCloudWatch"],
  rationale:
    "Error logs show failed requests, script errors and cluster problems: without them an availability or security incident on the domain leaves nothing to investigate.",
  remediation:
    "aws opensearch update-domain-config --domain-name <name> --log-publishing-options ES_APPLICATION_LOGS={CloudWatchLogsLogGroupArn=<log group ARN>,Enabled=true}",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-4",
    "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/createdomain-configure-slow-logs.html",
  ],
  mappings: { cis: [], fsbp: ["Opensearch.4"] },
  evaluate: (asset) => (asset.config.errorLogsToCloudWatch ? ON : OFF),
});
