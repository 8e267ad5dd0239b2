import { kmsKey } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";
import { KEY } from "../../_cases/security-services.ts";

/** Compliant and non-compliant cases of `vigil.kms.key-not-pending-deletion`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.kms.key-not-pending-deletion",
    name: "Enabled key",
    asset: kmsKey(KEY, { KeyRotationEnabled: true }),
    expect: "pass",
  },
  {
    check: "vigil.kms.key-not-pending-deletion",
    name: "Disabled key (not deleted)",
    asset: kmsKey({ ...KEY, KeyState: "Disabled", Enabled: false }, null),
    expect: "pass",
  },
  {
    check: "vigil.kms.key-not-pending-deletion",
    name: "PendingDeletion",
    asset: kmsKey(
      { ...KEY, KeyState: "PendingDeletion", Enabled: false, DeletionDate: new Date("2025-06-20T00:00:00Z") },
      null,
    ),
    expect: "fail",
  },
  {
    check: "vigil.kms.key-not-pending-deletion",
    name: "AWS managed key",
    asset: kmsKey({ ...KEY, KeyManager: "AWS", KeyState: "PendingDeletion" }, null),
    expect: "n/a",
  },
];
