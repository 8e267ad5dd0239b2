import type { CheckCase } from "../../_cases/case.ts";
import { db } from "../../_cases/rds.ts";

/** Compliant and non-compliant cases of `vigil.rds.instance-backups-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.rds.instance-backups-enabled",
    name: "7 days",
    asset: db(),
    expect: "pass",
    evidence: /7 days/,
  },
  {
    check: "vigil.rds.instance-backups-enabled",
    name: "disabled",
    asset: db({ BackupRetentionPeriod: 0 }),
    expect: "fail",
    evidence: /disabled/,
  },
  {
    check: "vigil.rds.instance-backups-enabled",
    name: "1 day",
    asset: db({ BackupRetentionPeriod: 1 }),
    expect: "fail",
  },
];
