import type { CheckCase } from "../../_cases/case.ts";
import { accessPoint } from "../../_cases/compute.ts";

const check = "vigil.efs.access-point-user-identity";

/** Compliant and non-compliant cases of `vigil.efs.access-point-user-identity`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check, name: "PosixUser 1000:1000", asset: accessPoint(), expect: "pass" },
  {
    check,
    name: "no PosixUser",
    asset: accessPoint({ PosixUser: undefined }),
    expect: "fail",
    evidence: /no POSIX user/,
  },
];
