import { type CheckCase, casesOf } from "../../_cases/case.ts";
import { shared } from "../../_cases/docdb-neptune.ts";

/** Cases of `vigil.docdb.cluster-deletion-protection`: DocumentDB and Neptune clusters share their mapper and these cases. */
export const cases: CheckCase[] = casesOf("vigil.docdb.cluster-deletion-protection", shared("docdb"));
