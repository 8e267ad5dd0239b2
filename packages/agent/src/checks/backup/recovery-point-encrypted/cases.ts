import { backupRecoveryPointAsset } from "../../../collectors/index.ts";
import type { CheckCase } from "../../_cases/case.ts";
import { POINT, WHERE } from "../../_cases/security-services.ts";

/** Compliant and non-compliant cases of `vigil.backup.recovery-point-encrypted`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.backup.recovery-point-encrypted",
    name: "IsEncrypted true",
    asset: backupRecoveryPointAsset(WHERE, "Default", POINT),
    expect: "pass",
  },
  {
    check: "vigil.backup.recovery-point-encrypted",
    name: "IsEncrypted false",
    asset: backupRecoveryPointAsset(WHERE, "Default", { ...POINT, IsEncrypted: false }),
    expect: "fail",
  },
];
