import { defineCheck, fail, pass } from "../../check.ts";

const TLS = pass("every listener terminates HTTPS or SSL/TLS");
const PLAIN = fail("a listener accepts plain HTTP or TCP from clients");

export const classicListenersUseTls = defineCheck({
  id: "vigil.elb.listeners-use-tls",
  title: "Classic Load Balancer listeners should be configured with HTTPS or TLS termination",
  severity: "medium",
  resourceType: "aws.elb.load-balancer",
  reads: ["listeners"],
  rationale:
    "A front-end listener on HTTP or TCP carries client traffic unencrypted, readable and alterable by anyone on the path.",
  remediation:
    "aws elb create-load-balancer-listeners --load-balancer-name <name> --listeners Protocol=HTTPS,LoadBalancerPort=443,InstanceProtocol=HTTP,InstancePort=80,SSLCertificateId=<acm-arn>, then aws elb delete-load-balancer-listeners --load-balancer-name <name> --load-balancer-ports 80.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-3",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-https-load-balancers.html",
  ],
  mappings: { cis: [], fsbp: ["ELB.3"] },
  evaluate: (asset) => {
    const { listeners } = asset.config;
    if (listeners.length === 0) return undefined;
    return listeners.every((l) => l.protocol === "HTTPS" || l.protocol === "SSL") ? TLS : PLAIN;
  },
});
