import { daysBefore } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";
import { ROTATED, STATIC, secret } from "../../_cases/secretsmanager.ts";

/** Compliant and non-compliant cases of `vigil.secretsmanager.secret-used-recently`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
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
];
