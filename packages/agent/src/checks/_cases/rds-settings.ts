import type { EventSubscription } from "@aws-sdk/client-rds";
import { rdsSettingsAsset } from "../../collectors/index.ts";
import { ACCOUNT, REGION } from "./aws.ts";
import type { CheckCase } from "./case.ts";

const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };

/** One `DescribeEventSubscriptions` entry: enabled, to an SNS topic, for `sourceType` (undefined: every type). */
export const subscription = (
  sourceType: string | undefined,
  categories: string[],
  over: Partial<EventSubscription> = {},
): EventSubscription => ({
  CustomerAwsId: ACCOUNT,
  CustSubscriptionId: `db-${sourceType ?? "all"}-events`,
  SnsTopicArn: `arn:aws:sns:${REGION}:${ACCOUNT}:db-events`,
  Status: "active",
  SubscriptionCreationTime: "2026-03-02 10:11:12.123",
  ...(sourceType === undefined ? {} : { SourceType: sourceType }),
  EventCategoriesList: categories,
  Enabled: true,
  EventSubscriptionArn: `arn:aws:rds:${REGION}:${ACCOUNT}:es:db-${sourceType ?? "all"}-events`,
  ...over,
});

/** The region's RDS settings the collector builds from those subscriptions. */
export const rdsSettings = (subscriptions: EventSubscription[]) =>
  rdsSettingsAsset(WHERE, { ok: true, value: { EventSubscriptionsList: subscriptions } });

/**
 * The cases every event subscription check shares, for its source type and categories; with no
 * subscription at all it is not assessed (`onlyExisting`, RDS.19 and RDS.20) or fails.
 */
export const subscriptionCases = (
  check: string,
  sourceType: string,
  categories: string[],
  onlyExisting: boolean,
): CheckCase[] => [
  {
    check,
    name: `an enabled ${sourceType} subscription for ${categories.join(", ")}`,
    asset: rdsSettings([subscription(sourceType, categories)]),
    expect: "pass",
  },
  {
    check,
    name: "an enabled subscription for every source type and category",
    asset: rdsSettings([subscription(undefined, [])]),
    expect: "pass",
  },
  {
    check,
    name: `the ${sourceType} subscription is disabled`,
    asset: rdsSettings([subscription(sourceType, categories, { Enabled: false })]),
    expect: "fail",
  },
  {
    check,
    name: `the ${sourceType} subscription names one source only`,
    asset: rdsSettings([subscription(sourceType, categories, { SourceIdsList: ["orders"] })]),
    expect: "fail",
  },
  {
    check,
    name: `a ${sourceType} subscription short of ${categories.at(-1)}`,
    asset: rdsSettings([
      subscription(sourceType, categories.length > 1 ? categories.slice(0, -1) : ["deletion"]),
    ]),
    expect: "fail",
  },
  {
    check,
    name: "no event subscription in the region",
    asset: rdsSettings([]),
    expect: onlyExisting ? "n/a" : "fail",
  },
];
