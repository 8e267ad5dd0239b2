import type { StreamDescriptionSummary } from "@aws-sdk/client-kinesis";
import { kinesisStreamAsset } from "../../../src/collectors/index.ts";
import { ACCOUNT, REGION } from "../aws-fixtures.ts";
import type { CheckCase } from "../harness.ts";

const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };
const ARN = `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/clicks`;

/** `DescribeStreamSummary` → `StreamDescriptionSummary`. */
const stream = (over: Partial<StreamDescriptionSummary>) =>
  kinesisStreamAsset(WHERE, "clicks", {
    ok: true,
    value: {
      StreamDescriptionSummary: {
        StreamName: "clicks",
        StreamARN: ARN,
        StreamStatus: "ACTIVE",
        StreamModeDetails: { StreamMode: "ON_DEMAND" },
        RetentionPeriodHours: 168,
        StreamCreationTimestamp: new Date("2025-03-01T08:00:00Z"),
        EnhancedMonitoring: [{ ShardLevelMetrics: [] }],
        EncryptionType: "KMS",
        KeyId: "alias/aws/kinesis",
        OpenShardCount: 4,
        ConsumerCount: 1,
        ...over,
      },
    },
  });

export const kinesisCases: CheckCase[] = [
  { check: "vigil.kinesis.stream-encrypted", name: "EncryptionType KMS", asset: stream({}), expect: "pass" },
  {
    check: "vigil.kinesis.stream-encrypted",
    name: "EncryptionType NONE",
    asset: stream({ EncryptionType: "NONE", KeyId: undefined }),
    expect: "fail",
  },
  {
    check: "vigil.kinesis.stream-retention-period",
    name: "RetentionPeriodHours 168",
    asset: stream({}),
    expect: "pass",
  },
  {
    check: "vigil.kinesis.stream-retention-period",
    name: "RetentionPeriodHours 24 (the default)",
    asset: stream({ RetentionPeriodHours: 24 }),
    expect: "fail",
    evidence: /24 hours/,
  },
];
