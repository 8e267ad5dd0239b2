import { defineCheck, fail, pass } from "../../check.ts";

const ENCRYPTED = pass("every listener is HTTPS or TLS");

export const listenersEncryptInTransit = defineCheck({
  id: "vigil.elbv2.listeners-encrypt-in-transit",
  title:
    "Application and Network Load Balancer listeners should use secure protocols to encrypt data in transit",
  severity: "medium",
  resourceType: "aws.elbv2.load-balancer",
  reads: ["loadBalancerType", "listeners"],
  rationale:
    "A listener on HTTP, TCP or UDP takes what clients send in clear text, readable and alterable on the way; an HTTPS or TLS listener terminates an encrypted connection. An HTTP listener that only redirects still answers in clear text (and is named as such).",
  remediation:
    "aws elbv2 create-listener --load-balancer-arn <arn> --protocol HTTPS --port 443 --certificates CertificateArn=<acm-arn> --ssl-policy ELBSecurityPolicy-TLS13-1-2-2021-06 --default-actions <actions> (TLS for a Network Load Balancer), then aws elbv2 delete-listener --listener-arn <plain-listener-arn> (console: EC2 > Load Balancers > Listeners).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-18",
    "https://docs.aws.amazon.com/config/latest/developerguide/elbv2-listener-encryption-in-transit.html",
  ],
  mappings: { cis: [], fsbp: ["ELB.18"] },
  evaluate: (asset) => {
    const { loadBalancerType, listeners } = asset.config;
    if (loadBalancerType !== "application" && loadBalancerType !== "network") return undefined;
    const plain = listeners.filter((l) => l.protocol !== "HTTPS" && l.protocol !== "TLS");
    if (plain.length === 0)
      return listeners.length === 0 ? pass("the load balancer has no listener") : ENCRYPTED;
    const named = plain.map((l) => {
      const redirects = l.defaultActions.some((a) => a.type === "redirect" && a.redirectProtocol === "HTTPS");
      return `${l.protocol} on port ${l.port ?? "?"}${redirects ? " (redirects to HTTPS)" : ""}`;
    });
    return fail(`listeners without encryption: ${named.join(", ")}`);
  },
});
