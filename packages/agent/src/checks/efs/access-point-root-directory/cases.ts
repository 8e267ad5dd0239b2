import type { CheckCase } from "../../_cases/case.ts";
import { accessPoint } from "../../_cases/compute.ts";

const check = "vigil.efs.access-point-root-directory";

/** Compliant and non-compliant cases of `vigil.efs.access-point-root-directory`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check, name: "rooted at /app/api", asset: accessPoint(), expect: "pass", evidence: /\/app\/api/ },
  {
    check,
    name: "rooted at /",
    asset: accessPoint({ RootDirectory: { Path: "/" } }),
    expect: "fail",
    evidence: /root directory/,
  },
  {
    check,
    name: "no RootDirectory (the file system's root)",
    asset: accessPoint({ RootDirectory: undefined }),
    expect: "fail",
  },
];
