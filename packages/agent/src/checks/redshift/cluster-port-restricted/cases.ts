import type { CheckCase } from "../../_cases/case.ts";
import { LOGGING_ON, redshiftCluster } from "../../_cases/redshift.ts";

const check = "vigil.redshift.cluster-port-restricted";

/** Compliant and non-compliant cases of `vigil.redshift.cluster-port-restricted`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check, name: "port 5439 from the VPC only", asset: redshiftCluster(), expect: "pass" },
  {
    check,
    name: "port 5439 from 0.0.0.0/0",
    asset: redshiftCluster({}, LOGGING_ON, "true", true),
    expect: "fail",
    evidence: /sg-0123456789abcdef0/,
  },
];
