import type { CheckCase } from "../../_cases/case.ts";
import { db } from "../../_cases/rds.ts";

/** Compliant and non-compliant cases of `vigil.rds.instance-auto-minor-version-upgrade`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.rds.instance-auto-minor-version-upgrade", name: "on", asset: db(), expect: "pass" },
  {
    check: "vigil.rds.instance-auto-minor-version-upgrade",
    name: "off",
    asset: db({ AutoMinorVersionUpgrade: false }),
    expect: "fail",
  },
];
