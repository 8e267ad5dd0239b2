import { defineCheck, fail, pass } from "../../check.ts";

/**
 * Predefined ELB security policies that accept nothing older than TLS 1.2 (their names say so:
 * `TLS-1-2`, `FS-1-2`, `TLS13-1-2`, `TLS13-1-3`, with the FIPS and post-quantum variants).
 * `ELBSecurityPolicy-2016-08` (the default), `-TLS13-1-0-`, `-TLS13-1-1-`, `-TLS-1-1-`, `-FS-2018-06`
 * and `-2015-05` still accept TLS 1.0 or 1.1.
 */
const TLS12_OR_LATER = /^ELBSecurityPolicy-(TLS-1-2|FS-1-2|TLS13-1-[23])-/;

export function isSecureElbPolicy(policy: string | null): boolean {
  return policy !== null && TLS12_OR_LATER.test(policy);
}

const NO_TLS = pass("the load balancer has no HTTPS or TLS listener");
const SECURE = pass("every HTTPS and TLS listener requires TLS 1.2 or later");
const WEAK = fail("an HTTPS or TLS listener's security policy still accepts TLS 1.0 or 1.1");

export const listenersUseSecureTlsPolicy = defineCheck({
  id: "vigil.elbv2.listeners-use-secure-tls-policy",
  title: "Load balancer HTTPS and TLS listeners should use a security policy of TLS 1.2 or later",
  severity: "medium",
  resourceType: "aws.elbv2.load-balancer",
  reads: ["listeners"],
  rationale:
    "TLS 1.0 and 1.1 have known weaknesses (BEAST, POODLE-style downgrade, weak ciphers) and are no longer accepted by PCI DSS; the listener's security policy decides what clients may negotiate.",
  remediation:
    "aws elbv2 modify-listener --listener-arn <arn> --ssl-policy ELBSecurityPolicy-TLS13-1-2-2021-06 (console: EC2 > Load Balancers > Listeners > Edit > Security policy).",
  references: [
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html",
    "https://github.com/prowler-cloud/prowler/tree/master/prowler/providers/aws/services/elbv2/elbv2_insecure_ssl_ciphers",
  ],
  mappings: { cis: [], fsbp: [] },
  evaluate: (asset) => {
    const tls = asset.config.listeners.filter((l) => l.protocol === "HTTPS" || l.protocol === "TLS");
    if (tls.length === 0) return NO_TLS;
    return tls.every((l) => isSecureElbPolicy(l.sslPolicy)) ? SECURE : WEAK;
  },
});
