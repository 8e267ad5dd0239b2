import type { CheckCase } from "../../_cases/case.ts";
import { fs } from "../../_cases/compute.ts";

/** Compliant and non-compliant cases of `vigil.efs.file-system-encrypted`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.efs.file-system-encrypted", name: "encrypted", asset: fs(true), expect: "pass" },
  { check: "vigil.efs.file-system-encrypted", name: "plain", asset: fs(false), expect: "fail" },
];
