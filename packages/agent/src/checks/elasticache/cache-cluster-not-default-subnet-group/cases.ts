import type { CheckCase } from "../../_cases/case.ts";
import { cacheCluster } from "../../_cases/elasticache.ts";

/** Compliant and non-compliant cases of `vigil.elasticache.cache-cluster-not-default-subnet-group`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.elasticache.cache-cluster-not-default-subnet-group",
    name: "CacheSubnetGroupName sessions-private",
    asset: cacheCluster(),
    expect: "pass",
  },
  {
    check: "vigil.elasticache.cache-cluster-not-default-subnet-group",
    name: "CacheSubnetGroupName default",
    asset: cacheCluster({ CacheSubnetGroupName: "default" }),
    expect: "fail",
  },
  {
    check: "vigil.elasticache.cache-cluster-not-default-subnet-group",
    name: "no subnet group (EC2-Classic)",
    asset: cacheCluster({ CacheSubnetGroupName: undefined }),
    expect: "n/a",
  },
];
