import { defineCheck, fail, pass } from "../../check.ts";

const TLS = pass("the proxy requires TLS from its clients");
const PLAIN = fail("the proxy accepts connections without TLS (RequireTLS false)");

export const dbProxyRequiresTls = defineCheck({
  id: "vigil.rds.db-proxy-requires-tls",
  title: "RDS DB proxies should require TLS encryption for connections",
  severity: "medium",
  resourceType: "aws.rds.db-proxy",
  reads: ["requireTls"],
  rationale:
    "Without RequireTLS, clients may send database credentials and query results to the proxy in clear text, readable by anything on the network path.",
  remediation:
    "aws rds modify-db-proxy --db-proxy-name <name> --require-tls (console: RDS > Proxies > proxy > Modify > Require Transport Layer Security)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-43",
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-proxy.howitworks.html#rds-proxy-security.tls",
  ],
  mappings: { cis: [], fsbp: ["RDS.43"] },
  evaluate: (asset) => (asset.config.requireTls ? TLS : PLAIN),
});
