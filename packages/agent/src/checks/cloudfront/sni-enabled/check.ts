import { defineCheck, fail, pass } from "../../check.ts";

const SNI = pass("the custom certificate is served with SNI");
const DEDICATED = fail("the custom certificate is served from dedicated IP addresses instead of SNI");

export const distributionSniEnabled = defineCheck({
  id: "vigil.cloudfront.sni-enabled",
  title: "CloudFront distributions should use SNI to serve HTTPS requests",
  severity: "low",
  resourceType: "aws.cloudfront.distribution",
  reads: ["viewerCertificate"],
  rationale:
    "Every modern client supports Server Name Indication; dedicated IP addresses (vip) cost a monthly fee per distribution and add nothing for them.",
  remediation:
    "Set ViewerCertificate.SSLSupportMethod to sni-only: aws cloudfront update-distribution --id <id> --if-match <ETag> --distribution-config file://cfg.json (console: CloudFront > General > Edit > Custom SSL client support).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-8",
    "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-https-dedicated-ip-or-sni.html",
  ],
  mappings: { cis: [], fsbp: ["CloudFront.8"] },
  evaluate: (asset) => {
    const cert = asset.config.viewerCertificate;
    if (cert.cloudFrontDefaultCertificate) return undefined;
    return cert.sslSupportMethod === "sni-only" ? SNI : DEDICATED;
  },
});
