import type { SecretListEntry } from "@aws-sdk/client-secrets-manager";
import { secretAsset } from "../../../src/collectors/index.ts";
import { ACCOUNT, daysBefore, REGION } from "../aws-fixtures.ts";
import type { CheckCase } from "../harness.ts";

const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };

/** One `ListSecrets` `SecretList` entry: a database secret rotated by a Lambda every 30 days. */
const ROTATED: SecretListEntry = {
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
const STATIC: SecretListEntry = {
  ARN: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:partner/api-key-GhIjKl`,
  Name: "partner/api-key",
  LastChangedDate: daysBefore(300),
  LastAccessedDate: daysBefore(2),
  CreatedDate: daysBefore(300),
};

const secret = (base: SecretListEntry, over: Partial<SecretListEntry> = {}) =>
  secretAsset(WHERE, { ...base, ...over });

export const secretsManagerCases: CheckCase[] = [
  {
    check: "vigil.secretsmanager.secret-rotation-enabled",
    name: "RotationEnabled true",
    asset: secret(ROTATED),
    expect: "pass",
  },
  {
    check: "vigil.secretsmanager.secret-rotation-enabled",
    name: "RotationEnabled absent",
    asset: secret(STATIC),
    expect: "fail",
  },
  {
    check: "vigil.secretsmanager.secret-rotated-as-scheduled",
    name: "rotated 12 days ago, every 30 days",
    asset: secret(ROTATED),
    expect: "pass",
  },
  {
    check: "vigil.secretsmanager.secret-rotated-as-scheduled",
    name: "last rotated 45 days ago on a 30-day schedule",
    asset: secret(ROTATED, { LastRotatedDate: daysBefore(45) }),
    expect: "fail",
    evidence: /45 days/,
  },
  {
    check: "vigil.secretsmanager.secret-rotated-as-scheduled",
    name: "schedule expression, next rotation ahead",
    asset: secret(ROTATED, {
      RotationRules: { ScheduleExpression: "cron(0 16 1,15 * ? *)", Duration: "2h" },
      NextRotationDate: daysBefore(-5),
    }),
    expect: "pass",
  },
  {
    check: "vigil.secretsmanager.secret-rotated-as-scheduled",
    name: "schedule expression, next rotation 10 days past",
    asset: secret(ROTATED, {
      RotationRules: { ScheduleExpression: "rate(10 days)" },
      NextRotationDate: daysBefore(10),
    }),
    expect: "fail",
  },
  {
    check: "vigil.secretsmanager.secret-rotated-as-scheduled",
    name: "rotation not enabled",
    asset: secret(STATIC),
    expect: "n/a",
  },
  {
    check: "vigil.secretsmanager.secret-used-recently",
    name: "accessed yesterday",
    asset: secret(ROTATED),
    expect: "pass",
  },
  {
    check: "vigil.secretsmanager.secret-used-recently",
    name: "last accessed 120 days ago",
    asset: secret(STATIC, { LastAccessedDate: daysBefore(120) }),
    expect: "fail",
    evidence: /120 days/,
  },
  {
    check: "vigil.secretsmanager.secret-used-recently",
    name: "never accessed, created 300 days ago",
    asset: secret(STATIC, { LastAccessedDate: undefined }),
    expect: "fail",
    evidence: /never accessed/,
  },
  {
    check: "vigil.secretsmanager.secret-used-recently",
    name: "never accessed, created 10 days ago",
    asset: secret(STATIC, { LastAccessedDate: undefined, CreatedDate: daysBefore(10) }),
    expect: "pass",
  },
  {
    check: "vigil.secretsmanager.secret-rotated-recently",
    name: "rotated 12 days ago",
    asset: secret(ROTATED),
    expect: "pass",
  },
  {
    check: "vigil.secretsmanager.secret-rotated-recently",
    name: "never rotated, created 300 days ago",
    asset: secret(STATIC),
    expect: "fail",
    evidence: /never rotated/,
  },
  {
    check: "vigil.secretsmanager.secret-rotated-recently",
    name: "last rotated 91 days ago",
    asset: secret(ROTATED, { LastRotatedDate: daysBefore(91) }),
    expect: "fail",
  },
];
