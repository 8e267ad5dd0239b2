import type { CheckCase } from "../../_cases/case.ts";
import { endpoint } from "../../_cases/dms.ts";

/** Compliant and non-compliant cases of `vigil.dms.endpoint-redis-tls`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.dms.endpoint-redis-tls",
    name: "Redis OSS with ssl-encryption",
    asset: endpoint({
      EndpointType: "target",
      EngineName: "redis",
      RedisSettings: {
        ServerName: "cache.example",
        Port: 6379,
        SslSecurityProtocol: "ssl-encryption",
        AuthType: "none",
      },
    }),
    expect: "pass",
  },
  {
    check: "vigil.dms.endpoint-redis-tls",
    name: "Redis OSS in plaintext",
    asset: endpoint({
      EndpointType: "target",
      EngineName: "redis",
      RedisSettings: {
        ServerName: "cache.example",
        Port: 6379,
        SslSecurityProtocol: "plaintext",
        AuthType: "none",
      },
    }),
    expect: "fail",
  },
];
