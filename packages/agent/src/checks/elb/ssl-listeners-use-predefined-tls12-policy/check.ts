import { defineCheck, fail, pass } from "../../check.ts";

/** The predefined policy FSBP sets as the rule's `predefinedPolicyName`. */
const STRONG = "ELBSecurityPolicy-TLS-1-2-2017-01";

export const classicSslListenersUsePredefinedTls12Policy = defineCheck({
  id: "vigil.elb.ssl-listeners-use-predefined-tls12-policy",
  title:
    "Classic Load Balancers with SSL listeners should use a predefined security policy that has strong AWS Configuration",
  severity: "medium",
  resourceType: "aws.elb.load-balancer",
  reads: ["sslListenerPolicies"],
  rationale:
    "An HTTPS or SSL listener on an older or custom SSL negotiation policy may still accept TLS 1.0/1.1 and weak ciphers; the predefined ELBSecurityPolicy-TLS-1-2-2017-01 accepts TLS 1.2 only, with strong ciphers.",
  remediation:
    "aws elb create-load-balancer-policy --load-balancer-name <name> --policy-name tls12 --policy-type-name SSLNegotiationPolicyType --policy-attributes AttributeName=Reference-Security-Policy,AttributeValue=ELBSecurityPolicy-TLS-1-2-2017-01, then aws elb set-load-balancer-policies-of-listener --load-balancer-name <name> --load-balancer-port 443 --policy-names tls12.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-8",
    "https://docs.aws.amazon.com/config/latest/developerguide/elb-predefined-security-policy-ssl-check.html",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-security-policy-table.html",
  ],
  mappings: { cis: [], fsbp: ["ELB.8"] },
  evaluate: (asset) => {
    const listeners = asset.config.sslListenerPolicies;
    if (listeners.length === 0) return undefined;
    const weak = listeners.filter((l) => l.referenceSecurityPolicy !== STRONG);
    const [first] = weak;
    if (first === undefined) return pass(`every HTTPS and SSL listener uses the predefined ${STRONG}`);
    const listener = `${first.protocol} listener on port ${first.loadBalancerPort}`;
    const more = weak.length > 1 ? ` (and ${weak.length - 1} more)` : "";
    if (first.policyName === null) return fail(`${listener} has no SSL negotiation policy${more}`);
    if (first.referenceSecurityPolicy === null)
      return fail(`${listener} uses custom policy ${first.policyName}, not a predefined one${more}`);
    return fail(`${listener} uses ${first.referenceSecurityPolicy}, not ${STRONG}${more}`);
  },
});
