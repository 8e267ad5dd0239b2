import { type CheckCase, casesOf } from "../../_cases/case.ts";
import { shared } from "../../_cases/docdb-neptune.ts";

/** Cases of `vigil.neptune.cluster-encrypted`: DocumentDB and Neptune clusters share their mapper and these cases. */
export const cases: CheckCase[] = casesOf("vigil.neptune.cluster-encrypted", shared("neptune"));
