import type { CheckCase } from "../../_cases/case.ts";
import { redshiftCluster } from "../../_cases/redshift.ts";
import { both } from "../../_cases/verdicts.ts";

/** Compliant and non-compliant cases of `vigil.redshift.cluster-automated-snapshots`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  ...both(
    "vigil.redshift.cluster-automated-snapshots",
    ["AutomatedSnapshotRetentionPeriod 7", redshiftCluster()],
    [
      "AutomatedSnapshotRetentionPeriod 1 (the default)",
      redshiftCluster({ AutomatedSnapshotRetentionPeriod: 1 }),
    ],
  ),
  {
    check: "vigil.redshift.cluster-automated-snapshots",
    name: "AutomatedSnapshotRetentionPeriod 0",
    asset: redshiftCluster({ AutomatedSnapshotRetentionPeriod: 0 }),
    expect: "fail",
    evidence: /off/,
  },
];
