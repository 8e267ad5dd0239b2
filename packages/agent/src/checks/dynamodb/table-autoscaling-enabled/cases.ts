import type { CheckCase } from "../../_cases/case.ts";
import { scalableTarget, table } from "../../_cases/dynamodb.ts";

const PROVISIONED = { BillingModeSummary: { BillingMode: "PROVISIONED" as const } };
const INDEX = { GlobalSecondaryIndexes: [{ IndexName: "by-customer" }] };

/** Compliant and non-compliant cases of `vigil.dynamodb.table-autoscaling-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.dynamodb.table-autoscaling-enabled",
    name: "on-demand (PAY_PER_REQUEST), no scalable targets",
    asset: table({}, undefined, { ScalableTargets: [] }),
    expect: "pass",
  },
  {
    check: "vigil.dynamodb.table-autoscaling-enabled",
    name: "PROVISIONED, read and write capacity scale",
    asset: table(PROVISIONED),
    expect: "pass",
  },
  {
    check: "vigil.dynamodb.table-autoscaling-enabled",
    name: "PROVISIONED, no scalable targets",
    asset: table(PROVISIONED, undefined, { ScalableTargets: [] }),
    expect: "fail",
  },
  {
    check: "vigil.dynamodb.table-autoscaling-enabled",
    name: "PROVISIONED, the table scales but its global secondary index does not",
    asset: table({ ...PROVISIONED, ...INDEX }),
    expect: "fail",
  },
  {
    check: "vigil.dynamodb.table-autoscaling-enabled",
    name: "PROVISIONED, table and index scale",
    asset: table({ ...PROVISIONED, ...INDEX }, undefined, {
      ScalableTargets: [
        scalableTarget("table/orders", "dynamodb:table:ReadCapacityUnits"),
        scalableTarget("table/orders", "dynamodb:table:WriteCapacityUnits"),
        scalableTarget("table/orders/index/by-customer", "dynamodb:index:ReadCapacityUnits"),
        scalableTarget("table/orders/index/by-customer", "dynamodb:index:WriteCapacityUnits"),
      ],
    }),
    expect: "pass",
  },
];
