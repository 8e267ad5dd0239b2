import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("the Redis OSS endpoint connects with TLS");
const OFF = fail("the Redis OSS endpoint connects in plain text");
export const endpointRedisTls = defineCheck({
  id: "vigil.dms.endpoint-redis-tls",
  title: "DMS endpoints for Redis OSS should have TLS enabled",
  severity: "medium",
  resourceType: "aws.dms.endpoint",
  reads: ["engineName", "redisSslSecurityProtocol"],
  rationale: "Without TLS the records a migration writes to Redis OSS cross the network in clear text.",
  remediation:
    "aws dms modify-endpoint --endpoint-arn <arn> --redis-settings SslSecurityProtocol=ssl-encryption",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/dms-controls.html#dms-12",
    "https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Target.Redis.html",
  ],
  mappings: { cis: [], fsbp: ["DMS.12"] },
  evaluate: (asset) =>
    asset.config.engineName !== "redis" || asset.config.redisSslSecurityProtocol === null
      ? undefined
      : asset.config.redisSslSecurityProtocol === "plaintext"
        ? OFF
        : ON,
});
