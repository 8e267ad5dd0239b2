import type { SecretListEntry } from "@aws-sdk/client-secrets-manager";
import { secretAsset } from "../../collectors/index.ts";
import { ACCOUNT, daysBefore, REGION } from "./aws.ts";

export const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };
/** One `ListSecrets` `SecretList` entry: a database secret rotated by a Lambda every 30 days. */
export const ROTATED: SecretListEntry = {
  ARN: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:prod/db-AbCdEf`,
  Name: "prod/db",
  RotationEnabled: true,
  RotationLambdaARN: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:rotate-db`,
  RotationRules: { AutomaticallyAfterDays: 30 },
  LastRotatedDate: daysBefore(12),
  LastChangedDate: daysBefore(12),
  LastAccessedDate: daysBefore(1),
  NextRotationDate: daysBefore(-18),
  CreatedDate: daysBefore(400),
  Tags: [{ Key: "team", Value: "payments" }],
  SecretVersionsToStages: { "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111": ["AWSCURRENT"] },
};
/** A secret nobody rotates. */
export const STATIC: SecretListEntry = {
  ARN: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:partner/api-key-GhIjKl`,
  Name: "partner/api-key",
  LastChangedDate: daysBefore(300),
  LastAccessedDate: daysBefore(2),
  CreatedDate: daysBefore(300),
};
export const secret = (base: SecretListEntry, over: Partial<SecretListEntry> = {}) =>
  secretAsset(WHERE, { ...base, ...over });
