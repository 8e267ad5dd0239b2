import * as z from "zod";
import { assetSchemaOf } from "./base.ts";

/** One SNS topic: `GetTopicAttributes`, the policy reduced to whether it is public. */
export const snsTopicSchema = assetSchemaOf("aws.sns.topic", () =>
  z.object({
    topicName: z.string(),
    /** `KmsMasterKeyId`, or `null`. */
    kmsMasterKeyId: z.string().nullable(),
    /** The topic's `Policy` lets any principal act without a restricting condition. */
    policyPublic: z.boolean(),
    /** Endpoint protocols whose delivery status is logged (`<Protocol>FailureFeedbackRoleArn` set). */
    deliveryStatusLogging: z.array(z.string()),
  }),
);
