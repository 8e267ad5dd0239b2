import type { CheckCase } from "../../_cases/case.ts";
import { fs } from "../../_cases/compute.ts";

const check = "vigil.efs.file-system-automatic-backups";

/** Compliant and non-compliant cases of `vigil.efs.file-system-automatic-backups`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check, name: "backup policy ENABLED", asset: fs(true, "ENABLED"), expect: "pass" },
  { check, name: "backup policy DISABLED", asset: fs(true, "DISABLED"), expect: "fail", evidence: /off/ },
  { check, name: "no backup policy (PolicyNotFound)", asset: fs(true, null), expect: "fail" },
];
