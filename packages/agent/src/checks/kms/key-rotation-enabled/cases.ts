import { kmsKey } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";
import { KEY } from "../../_cases/logging.ts";

/** Compliant and non-compliant cases of `vigil.kms.key-rotation-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.kms.key-rotation-enabled",
    name: "rotation on",
    asset: kmsKey(KEY, { KeyRotationEnabled: true }),
    expect: "pass",
  },
  {
    check: "vigil.kms.key-rotation-enabled",
    name: "rotation off",
    asset: kmsKey(KEY, { KeyRotationEnabled: false }),
    expect: "fail",
  },
  {
    check: "vigil.kms.key-rotation-enabled",
    name: "AWS managed key",
    asset: kmsKey({ ...KEY, KeyManager: "AWS" }, { KeyRotationEnabled: true }),
    expect: "n/a",
  },
  {
    check: "vigil.kms.key-rotation-enabled",
    name: "asymmetric key",
    asset: kmsKey({ ...KEY, KeySpec: "RSA_2048", KeyUsage: "SIGN_VERIFY" }, null),
    expect: "n/a",
  },
  {
    check: "vigil.kms.key-rotation-enabled",
    name: "key pending deletion",
    asset: kmsKey({ ...KEY, KeyState: "PendingDeletion" }, { KeyRotationEnabled: false }),
    expect: "n/a",
  },
];
