import type { StreamDescriptionSummary } from "@aws-sdk/client-kinesis";
import { kinesisStreamAsset } from "../../collectors/index.ts";
import { ACCOUNT, REGION } from "./aws.ts";

export const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };
export const ARN = `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/clicks`;
/** `DescribeStreamSummary` → `StreamDescriptionSummary`. */
export const stream = (over: Partial<StreamDescriptionSummary>) =>
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
