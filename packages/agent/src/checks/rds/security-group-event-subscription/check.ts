import { defineCheck } from "../../check.ts";
import { subscriptionOutcome } from "../event-subscriptions.ts";

export const rdsSecurityGroupEventSubscription = defineCheck({
  id: "vigil.rds.security-group-event-subscription",
  title:
    "An RDS event notifications subscription should be configured for critical database security group events",
  severity: "low",
  resourceType: "aws.rds.account-settings",
  reads: ["eventSubscriptions"],
  rationale:
    "RDS announces security group changes and failures as events; a subscription sends them to an SNS topic, so someone learns of them when they happen rather than from their consequences.",
  remediation:
    'aws rds create-event-subscription --subscription-name <name> --sns-topic-arn <topic> --source-type db-security-group --event-categories "configuration change" "failure" (console: RDS > Event subscriptions > Create event subscription).',
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-22",
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Events.Subscribing.html",
  ],
  mappings: { cis: [], fsbp: ["RDS.22"] },
  evaluate: (asset) =>
    subscriptionOutcome(asset, "db-security-group", ["configuration change", "failure"], false),
});
