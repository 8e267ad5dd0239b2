import type { CheckCase } from "../../_cases/case.ts";
import { db } from "../../_cases/rds.ts";

/** Compliant and non-compliant cases of `vigil.rds.instance-copy-tags-to-snapshots`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.rds.instance-copy-tags-to-snapshots", name: "tags copied", asset: db(), expect: "pass" },
  {
    check: "vigil.rds.instance-copy-tags-to-snapshots",
    name: "tags not copied",
    asset: db({ CopyTagsToSnapshot: false }),
    expect: "fail",
  },
];
