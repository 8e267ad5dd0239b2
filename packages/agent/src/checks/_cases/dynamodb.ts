import type {
  DescribeScalableTargetsResponse,
  ScalableTarget,
} from "@aws-sdk/client-application-auto-scaling";
import type { DescribeContinuousBackupsOutput, TableDescription } from "@aws-sdk/client-dynamodb";
import { dynamoDbTableAsset } from "../../collectors/index.ts";
import { ACCOUNT, REGION } from "./aws.ts";

export const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };
/** `DescribeTable` `Table` of a table as a careful owner configures it. */
export const TABLE: TableDescription = {
  TableName: "orders",
  TableArn: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/orders`,
  TableStatus: "ACTIVE",
  KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }],
  BillingModeSummary: { BillingMode: "PAY_PER_REQUEST" },
  DeletionProtectionEnabled: true,
  SSEDescription: {
    Status: "ENABLED",
    SSEType: "KMS",
    KMSMasterKeyArn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
  },
};
export const PITR_ON: DescribeContinuousBackupsOutput = {
  ContinuousBackupsDescription: {
    ContinuousBackupsStatus: "ENABLED",
    PointInTimeRecoveryDescription: {
      PointInTimeRecoveryStatus: "ENABLED",
      RecoveryPeriodInDays: 35,
      EarliestRestorableDateTime: new Date("2025-04-27T00:00:00Z"),
      LatestRestorableDateTime: new Date("2025-05-31T23:55:00Z"),
    },
  },
};
export const PITR_OFF: DescribeContinuousBackupsOutput = {
  ContinuousBackupsDescription: {
    ContinuousBackupsStatus: "ENABLED",
    PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: "DISABLED" },
  },
};
/** A `DescribeScalableTargets` (namespace `dynamodb`) entry: auto scaling of one capacity. */
export const scalableTarget = (ResourceId: string, ScalableDimension: string): ScalableTarget => ({
  ServiceNamespace: "dynamodb",
  ResourceId,
  ScalableDimension: ScalableDimension as ScalableTarget["ScalableDimension"],
  MinCapacity: 5,
  MaxCapacity: 400,
  RoleARN: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/dynamodb.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_DynamoDBTable`,
  CreationTime: new Date("2025-01-15T00:00:00Z"),
});
/** The region's scalable targets: read and write capacity of `orders` scale. */
export const ORDERS_SCALED: DescribeScalableTargetsResponse = {
  ScalableTargets: [
    scalableTarget("table/orders", "dynamodb:table:ReadCapacityUnits"),
    scalableTarget("table/orders", "dynamodb:table:WriteCapacityUnits"),
  ],
};
/** The asset the DynamoDB collector builds from these three answers. */
export const table = (over: Partial<TableDescription> = {}, backups = PITR_ON, targets = ORDERS_SCALED) =>
  dynamoDbTableAsset(
    WHERE,
    "orders",
    { ok: true, value: { Table: { ...TABLE, ...over } } },
    { ok: true, value: backups },
    { ok: true, value: targets },
  );
