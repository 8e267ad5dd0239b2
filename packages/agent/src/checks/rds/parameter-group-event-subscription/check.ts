import { defineCheck } from "../../check.ts";
import { subscriptionOutcome } from "../event-subscriptions.ts";

export const rdsParameterGroupEventSubscription = defineCheck({
  id: "vigil.rds.parameter-group-event-subscription",
  title:
    "An RDS event notifications subscription should be configured for critical database parameter group events",
  severity: "low",
  resourceType: "aws.rds.account-settings",
  reads: ["eventSubscriptions"],
  rationale:
    "RDS announces parameter group changes as events; a subscription sends them to an SNS topic, so someone learns of them when they happen rather than from their consequences.",
  remediation:
    'aws rds create-event-subscription --subscription-name <name> --sns-topic-arn <topic> --source-type db-parameter-group --event-categories "configuration change" (console: RDS > Event subscriptions > Create event subscription).',
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-21",
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Events.Subscribing.html",
  ],
  mappings: { cis: [], fsbp: ["RDS.21"] },
  evaluate: (asset) => subscriptionOutcome(asset, "db-parameter-group", ["configuration change"], false),
});
