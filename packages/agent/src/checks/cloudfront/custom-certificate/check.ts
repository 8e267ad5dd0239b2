import { defineCheck, fail, pass } from "../../check.ts";

const CUSTOM = pass("the distribution uses a custom SSL/TLS certificate");
const DEFAULT = fail("the distribution uses the default *.cloudfront.net certificate");

export const distributionCustomCertificate = defineCheck({
  id: "vigil.cloudfront.custom-certificate",
  title: "CloudFront distributions should use custom SSL/TLS certificates",
  severity: "medium",
  resourceType: "aws.cloudfront.distribution",
  reads: ["viewerCertificate"],
  rationale:
    "The default certificate only covers *.cloudfront.net names and accepts TLS 1.0 viewers; a custom certificate serves your own domain with a minimum TLS version you choose.",
  remediation:
    "Request a certificate in ACM in us-east-1 (aws acm request-certificate --region us-east-1 --domain-name <name> --validation-method DNS) and set ViewerCertificate {ACMCertificateArn, SSLSupportMethod: sni-only, MinimumProtocolVersion: TLSv1.2_2021} with update-distribution.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-7",
    "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-alternate-domain-names.html",
  ],
  mappings: { cis: [], fsbp: ["CloudFront.7"] },
  evaluate: (asset) => (asset.config.viewerCertificate.cloudFrontDefaultCertificate ? DEFAULT : CUSTOM),
});
