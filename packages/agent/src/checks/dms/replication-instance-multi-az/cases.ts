import type { CheckCase } from "../../_cases/case.ts";
import { instance } from "../../_cases/dms.ts";

/** Compliant and non-compliant cases of `vigil.dms.replication-instance-multi-az`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.dms.replication-instance-multi-az",
    name: "MultiAZ true",
    asset: instance({}),
    expect: "pass",
  },
  {
    check: "vigil.dms.replication-instance-multi-az",
    name: "MultiAZ false",
    asset: instance({ MultiAZ: false }),
    expect: "fail",
  },
];
