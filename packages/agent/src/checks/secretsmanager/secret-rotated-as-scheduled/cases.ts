import { daysBefore } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";
import { ROTATED, STATIC, secret } from "../../_cases/secretsmanager.ts";

/** Compliant and non-compliant cases of `vigil.secretsmanager.secret-rotated-as-scheduled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
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
];
