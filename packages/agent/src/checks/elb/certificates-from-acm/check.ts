import { defineCheck, fail, pass } from "../../check.ts";

const ACM = pass("every HTTPS and SSL listener uses an ACM certificate");
const OTHER = fail("an HTTPS or SSL listener uses a certificate not managed by ACM");

export const classicCertificatesFromAcm = defineCheck({
  id: "vigil.elb.certificates-from-acm",
  title: "Classic Load Balancers with SSL/HTTPS listeners should use a certificate provided by ACM",
  severity: "medium",
  resourceType: "aws.elb.load-balancer",
  reads: ["listeners"],
  rationale:
    "Certificates uploaded to IAM are renewed by hand and expire unnoticed; ACM renews the certificates it issues automatically.",
  remediation:
    "Request or import the certificate in ACM (aws acm request-certificate --domain-name <name> --validation-method DNS), then aws elb set-load-balancer-listener-ssl-certificate --load-balancer-name <name> --load-balancer-port 443 --ssl-certificate-id <acm-arn>.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-2",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-update-ssl-cert.html",
  ],
  mappings: { cis: [], fsbp: ["ELB.2"] },
  evaluate: (asset) => {
    const tls = asset.config.listeners.filter((l) => l.protocol === "HTTPS" || l.protocol === "SSL");
    if (tls.length === 0) return undefined;
    return tls.every((l) => l.sslCertificateId?.split(":")[2] === "acm") ? ACM : OTHER;
  },
});
