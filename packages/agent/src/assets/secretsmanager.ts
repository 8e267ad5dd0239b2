import * as z from "zod";
import { assetSchemaOf, isoDate } from "./base.ts";

/** One Secrets Manager secret, as `ListSecrets` describes it (its value is never read). */
export const secretsManagerSecretSchema = assetSchemaOf("aws.secretsmanager.secret", () =>
  z.object({
    secretName: z.string(),
    createdDate: isoDate.nullable(),
    rotationEnabled: z.boolean(),
    /** `RotationRules.AutomaticallyAfterDays`, or `null` (a schedule expression, or no rotation). */
    rotationIntervalDays: z.number().int().positive().nullable(),
    lastRotatedDate: isoDate.nullable(),
    /** `NextRotationDate`: when Secrets Manager will rotate it next, or `null`. */
    nextRotationDate: isoDate.nullable(),
    /** `LastAccessedDate` (AWS keeps the day only), or `null` when never accessed. */
    lastAccessedDate: isoDate.nullable(),
  }),
);
