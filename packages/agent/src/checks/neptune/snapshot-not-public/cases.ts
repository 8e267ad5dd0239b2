import { type CheckCase, casesOf } from "../../_cases/case.ts";
import { shared } from "../../_cases/docdb-neptune.ts";

/** Cases of `vigil.neptune.snapshot-not-public`: DocumentDB and Neptune clusters share their mapper and these cases. */
export const cases: CheckCase[] = casesOf("vigil.neptune.snapshot-not-public", shared("neptune"));
