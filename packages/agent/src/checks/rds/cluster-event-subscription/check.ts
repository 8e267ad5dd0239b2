import { defineCheck } from "../../check.ts";
import { subscriptionOutcome } from "../event-subscriptions.ts";

export const rdsClusterEventSubscription = defineCheck({
  id: "vigil.rds.cluster-event-subscription",
  title: "Existing RDS event notification subscriptions should be configured for critical cluster events",
  severity: "low",
  resourceType: "aws.rds.account-settings",
  reads: ["eventSubscriptions"],
  rationale:
    "RDS announces cluster failures and maintenance as events; a subscription sends them to an SNS topic, so someone learns of them when they happen rather than from their consequences.",
  remediation:
    'aws rds create-event-subscription --subscription-name <name> --sns-topic-arn <topic> --source-type db-cluster --event-categories "failure" "maintenance" (console: RDS > Event subscriptions > Create event subscription).',
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-19",
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Events.Subscribing.html",
  ],
  mappings: { cis: [], fsbp: ["RDS.19"] },
  evaluate: (asset) => subscriptionOutcome(asset, "db-cluster", ["failure", "maintenance"], true),
});
