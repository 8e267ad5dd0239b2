import type { CheckCase } from "../../_cases/case.ts";
import { instance } from "../../_cases/dms.ts";

/** Compliant and non-compliant cases of `vigil.dms.replication-instance-not-public`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.dms.replication-instance-not-public",
    name: "PubliclyAccessible false",
    asset: instance({}),
    expect: "pass",
  },
  {
    check: "vigil.dms.replication-instance-not-public",
    name: "PubliclyAccessible true",
    asset: instance({ PubliclyAccessible: true, ReplicationInstancePublicIpAddresses: ["3.80.10.20"] }),
    expect: "fail",
  },
];
