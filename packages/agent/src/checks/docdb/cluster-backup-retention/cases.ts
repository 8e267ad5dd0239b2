import { type CheckCase, casesOf } from "../../_cases/case.ts";
import { shared } from "../../_cases/docdb-neptune.ts";

/** Cases of `vigil.docdb.cluster-backup-retention`: DocumentDB and Neptune clusters share their mapper and these cases. */
export const cases: CheckCase[] = casesOf("vigil.docdb.cluster-backup-retention", shared("docdb"));
