import * as z from "zod";
import { assetSchemaOf } from "./base.ts";

/** One SQS queue: `GetQueueAttributes`, the policy reduced to whether it is public. */
export const sqsQueueSchema = assetSchemaOf("aws.sqs.queue", () =>
  z.object({
    queueName: z.string(),
    /** `SqsManagedSseEnabled` is `true` (SSE-SQS). */
    sqsManagedSse: z.boolean(),
    /** `KmsMasterKeyId` (SSE-KMS), or `null`. */
    kmsMasterKeyId: z.string().nullable(),
    /** The `Policy` lets any principal act without a condition that ties it to a known caller. */
    policyPublic: z.boolean(),
  }),
);
