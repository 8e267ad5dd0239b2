import { type CheckCase, casesOf } from "../../_cases/case.ts";
import { shared } from "../../_cases/docdb-neptune.ts";

/** Cases of `vigil.neptune.cluster-audit-logs-exported`: DocumentDB and Neptune clusters share their mapper and these cases. */
export const cases: CheckCase[] = casesOf("vigil.neptune.cluster-audit-logs-exported", shared("neptune"));
