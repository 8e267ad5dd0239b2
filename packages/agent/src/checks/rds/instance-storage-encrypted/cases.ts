import type { CheckCase } from "../../_cases/case.ts";
import { db } from "../../_cases/rds.ts";

/** Compliant and non-compliant cases of `vigil.rds.instance-storage-encrypted`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.rds.instance-storage-encrypted", name: "encrypted", asset: db(), expect: "pass" },
  {
    check: "vigil.rds.instance-storage-encrypted",
    name: "plain",
    asset: db({ StorageEncrypted: false }),
    expect: "fail",
  },
];
