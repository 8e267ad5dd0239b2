import type { CheckCase } from "../../_cases/case.ts";
import { cacheCluster } from "../../_cases/elasticache.ts";

const check = "vigil.elasticache.cache-cluster-redis-auth-enabled";
const LEGACY = { EngineVersion: "5.0.6" };

/** Compliant and non-compliant cases of `vigil.elasticache.cache-cluster-redis-auth-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check, name: "Redis OSS 5.0.6 with AUTH", asset: cacheCluster(LEGACY), expect: "pass" },
  {
    check,
    name: "Redis OSS 5.0.6 without AUTH",
    asset: cacheCluster({ ...LEGACY, AuthTokenEnabled: false }),
    expect: "fail",
    evidence: /5\.0\.6 node without AUTH/,
  },
  {
    check,
    name: "Redis OSS 7.1 (RBAC) without AUTH",
    asset: cacheCluster({ AuthTokenEnabled: false }),
    expect: "n/a",
  },
  {
    check,
    name: "Memcached",
    asset: cacheCluster({ Engine: "memcached", EngineVersion: "1.6.22", ReplicationGroupId: undefined }),
    expect: "n/a",
  },
];
