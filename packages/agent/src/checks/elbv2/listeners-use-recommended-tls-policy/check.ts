import { defineCheck, fail, pass } from "../../check.ts";

/**
 * The security policies Elastic Load Balancing recommends: the TLS 1.3 policies that accept
 * nothing older than TLS 1.2 (`ELBSecurityPolicy-TLS13-1-2-2021-06`, the console's default, and
 * its `-Res-`, `-Ext1-`, `-Ext2-`, FIPS and post-quantum variants) or only TLS 1.3
 * (`ELBSecurityPolicy-TLS13-1-3-…`). `ELBSecurityPolicy-TLS-1-2-…` and `-FS-1-2-…` refuse old
 * protocols too (see `listeners-use-secure-tls-policy`) but are not among the recommended.
 */
const RECOMMENDED = /^ELBSecurityPolicy-TLS13-1-[23]-/;

const NO_TLS = pass("the load balancer has no HTTPS or TLS listener");
const RECOMMENDED_ONLY = pass("every HTTPS and TLS listener uses a recommended (TLS 1.3) security policy");

export const listenersUseRecommendedTlsPolicy = defineCheck({
  id: "vigil.elbv2.listeners-use-recommended-tls-policy",
  title: "Application and Network Load Balancers with listeners should use recommended security policies",
  severity: "medium",
  resourceType: "aws.elbv2.load-balancer",
  reads: ["loadBalancerType", "listeners"],
  rationale:
    "The recommended policies offer TLS 1.3 and only forward-secret ciphers with TLS 1.2; older policies keep ciphers and protocol versions that have fallen out of favour.",
  remediation:
    "aws elbv2 modify-listener --listener-arn <arn> --ssl-policy ELBSecurityPolicy-TLS13-1-2-2021-06 (console: EC2 > Load Balancers > Listeners > Edit > Security policy).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-17",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html",
  ],
  mappings: { cis: [], fsbp: ["ELB.17"] },
  evaluate: (asset) => {
    const { loadBalancerType, listeners } = asset.config;
    if (loadBalancerType !== "application" && loadBalancerType !== "network") return undefined;
    const tls = listeners.filter((l) => l.protocol === "HTTPS" || l.protocol === "TLS");
    if (tls.length === 0) return NO_TLS;
    const other = tls.filter((l) => l.sslPolicy === null || !RECOMMENDED.test(l.sslPolicy));
    if (other.length === 0) return RECOMMENDED_ONLY;
    return fail(
      `listeners with a policy that is not recommended: ${other.map((l) => `port ${l.port ?? "?"} ${l.sslPolicy ?? "(none)"}`).join(", ")}`,
    );
  },
});
