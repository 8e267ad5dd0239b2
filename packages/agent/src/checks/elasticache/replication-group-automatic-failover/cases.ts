import type { CheckCase } from "../../_cases/case.ts";
import { group } from "../../_cases/elasticache.ts";

/** Compliant and non-compliant cases of `vigil.elasticache.replication-group-automatic-failover`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.elasticache.replication-group-automatic-failover",
    name: "AutomaticFailover enabled",
    asset: group(),
    expect: "pass",
  },
  {
    check: "vigil.elasticache.replication-group-automatic-failover",
    name: "AutomaticFailover disabled (single node)",
    asset: group({ AutomaticFailover: "disabled", MultiAZ: "disabled", MemberClusters: ["sessions-001"] }),
    expect: "fail",
  },
];
