import { defineCheck } from "../../check.ts";
import { subscriptionOutcome } from "../event-subscriptions.ts";

export const rdsInstanceEventSubscription = defineCheck({
  id: "vigil.rds.instance-event-subscription",
  title:
    "Existing RDS event notification subscriptions should be configured for critical database instance events",
  severity: "low",
  resourceType: "aws.rds.account-settings",
  reads: ["eventSubscriptions"],
  rationale:
    "RDS announces instance failures, maintenance and configuration changes as events; a subscription sends them to an SNS topic, so someone learns of them when they happen rather than from their consequences.",
  remediation:
    'aws rds create-event-subscription --subscription-name <name> --sns-topic-arn <topic> --source-type db-instance --event-categories "maintenance" "configuration change" "failure" (console: RDS > Event subscriptions > Create event subscription).',
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-20",
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Events.Subscribing.html",
  ],
  mappings: { cis: [], fsbp: ["RDS.20"] },
  evaluate: (asset) =>
    subscriptionOutcome(asset, "db-instance", ["maintenance", "configuration change", "failure"], true),
});
