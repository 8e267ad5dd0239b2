import { backupVaultAsset } from "../../../collectors/index.ts";
import type { CheckCase } from "../../_cases/case.ts";
import { VAULT, WHERE } from "../../_cases/security-services.ts";

/** Compliant and non-compliant cases of `vigil.backup.vault-encrypted`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.backup.vault-encrypted",
    name: "EncryptionKeyArn set",
    asset: backupVaultAsset(WHERE, VAULT),
    expect: "pass",
  },
  {
    check: "vigil.backup.vault-encrypted",
    name: "no EncryptionKeyArn",
    asset: backupVaultAsset(WHERE, { ...VAULT, EncryptionKeyArn: undefined }),
    expect: "fail",
  },
];
