import * as z from "zod";
import { assetSchemaOf } from "./base.ts";

/** One Kinesis data stream: `ListStreams` + `DescribeStreamSummary`. */
export const kinesisStreamSchema = assetSchemaOf("aws.kinesis.stream", () =>
  z.object({
    streamName: z.string(),
    /** `EncryptionType`: `NONE` or `KMS`. */
    encryptionType: z.string(),
    /** `RetentionPeriodHours` (24 to 8760). */
    retentionPeriodHours: z.number(),
  }),
);
