import type { CheckCase } from "../../_cases/case.ts";
import { ROTATED, STATIC, secret } from "../../_cases/secretsmanager.ts";

/** Compliant and non-compliant cases of `vigil.secretsmanager.secret-rotation-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
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
];
