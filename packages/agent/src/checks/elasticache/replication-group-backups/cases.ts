import type { CheckCase } from "../../_cases/case.ts";
import { group } from "../../_cases/elasticache.ts";

/** Compliant and non-compliant cases of `vigil.elasticache.replication-group-backups`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.elasticache.replication-group-backups",
    name: "SnapshotRetentionLimit 7",
    asset: group(),
    expect: "pass",
    evidence: /7 days/,
  },
  {
    check: "vigil.elasticache.replication-group-backups",
    name: "SnapshotRetentionLimit 0",
    asset: group({ SnapshotRetentionLimit: 0 }),
    expect: "fail",
  },
];
