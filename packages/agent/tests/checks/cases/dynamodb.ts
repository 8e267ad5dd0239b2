import type { DescribeContinuousBackupsOutput, TableDescription } from "@aws-sdk/client-dynamodb";
import { dynamoDbTableAsset } from "../../../src/collectors/index.ts";
import { ACCOUNT, REGION } from "../aws-fixtures.ts";
import type { CheckCase } from "../harness.ts";

const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };

/** `DescribeTable` `Table` of a table as a careful owner configures it. */
const TABLE: TableDescription = {
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
const PITR_ON: DescribeContinuousBackupsOutput = {
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
const PITR_OFF: DescribeContinuousBackupsOutput = {
  ContinuousBackupsDescription: {
    ContinuousBackupsStatus: "ENABLED",
    PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: "DISABLED" },
  },
};

/** The asset the DynamoDB collector builds from these two answers. */
const table = (over: Partial<TableDescription> = {}, backups = PITR_ON) =>
  dynamoDbTableAsset(
    WHERE,
    "orders",
    { ok: true, value: { Table: { ...TABLE, ...over } } },
    { ok: true, value: backups },
  );

export const dynamoDbCases: CheckCase[] = [
  { check: "vigil.dynamodb.table-pitr-enabled", name: "PITR ENABLED", asset: table(), expect: "pass" },
  {
    check: "vigil.dynamodb.table-pitr-enabled",
    name: "PITR DISABLED",
    asset: table({}, PITR_OFF),
    expect: "fail",
  },
  {
    check: "vigil.dynamodb.table-deletion-protection",
    name: "DeletionProtectionEnabled true",
    asset: table(),
    expect: "pass",
  },
  {
    check: "vigil.dynamodb.table-deletion-protection",
    name: "DeletionProtectionEnabled false",
    asset: table({ DeletionProtectionEnabled: false }),
    expect: "fail",
  },
  {
    check: "vigil.dynamodb.table-deletion-protection",
    name: "DeletionProtectionEnabled absent (tables created before the setting)",
    asset: table({ DeletionProtectionEnabled: undefined }),
    expect: "fail",
  },
  {
    check: "vigil.dynamodb.table-kms-encrypted",
    name: "customer managed key",
    asset: table(),
    expect: "pass",
  },
  {
    check: "vigil.dynamodb.table-kms-encrypted",
    name: "AWS managed key (aws/dynamodb)",
    asset: table({
      SSEDescription: {
        Status: "ENABLED",
        SSEType: "KMS",
        KMSMasterKeyArn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/aws-dynamodb`,
      },
    }),
    expect: "pass",
  },
  {
    check: "vigil.dynamodb.table-kms-encrypted",
    name: "no SSEDescription (a key AWS owns)",
    asset: table({ SSEDescription: undefined }),
    expect: "fail",
    evidence: /AWS owns/,
  },
];
