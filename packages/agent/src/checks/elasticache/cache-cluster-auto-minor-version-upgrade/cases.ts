import type { CheckCase } from "../../_cases/case.ts";
import { cacheCluster } from "../../_cases/elasticache.ts";

/** Compliant and non-compliant cases of `vigil.elasticache.cache-cluster-auto-minor-version-upgrade`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.elasticache.cache-cluster-auto-minor-version-upgrade",
    name: "AutoMinorVersionUpgrade true",
    asset: cacheCluster(),
    expect: "pass",
  },
  {
    check: "vigil.elasticache.cache-cluster-auto-minor-version-upgrade",
    name: "AutoMinorVersionUpgrade false",
    asset: cacheCluster({ AutoMinorVersionUpgrade: false }),
    expect: "fail",
  },
];
