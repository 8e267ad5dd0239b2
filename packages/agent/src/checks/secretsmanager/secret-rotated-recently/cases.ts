import { daysBefore } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";
import { ROTATED, STATIC, secret } from "../../_cases/secretsmanager.ts";

/** Compliant and non-compliant cases of `vigil.secretsmanager.secret-rotated-recently`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
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
