import type { CheckCase } from "../../_cases/case.ts";
import { daxCluster } from "../../_cases/dax-connect.ts";

const check = "vigil.dax.cluster-encrypted-at-rest";

/** Compliant and non-compliant cases of `vigil.dax.cluster-encrypted-at-rest`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check, name: "SSE enabled", asset: daxCluster(), expect: "pass" },
  {
    check,
    name: "SSE disabled",
    asset: daxCluster({ SSEDescription: { Status: "DISABLED" } }),
    expect: "fail",
    evidence: /not enabled/,
  },
];
