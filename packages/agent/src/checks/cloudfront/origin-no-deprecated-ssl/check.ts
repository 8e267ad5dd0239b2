import { defineCheck, fail, pass } from "../../check.ts";

const MODERN = pass("no custom origin accepts SSLv3");
const SSLV3 = fail("a custom origin's SSL protocols include SSLv3");

export const distributionOriginNoDeprecatedSsl = defineCheck({
  id: "vigil.cloudfront.origin-no-deprecated-ssl",
  title:
    "CloudFront distributions should not use deprecated SSL protocols between edge locations and custom origins",
  severity: "medium",
  resourceType: "aws.cloudfront.distribution",
  reads: ["origins"],
  rationale:
    "SSLv3 is broken (POODLE): a connection to the origin that may negotiate it can be decrypted by an attacker on the path.",
  remediation:
    "Set each CustomOriginConfig.OriginSslProtocols to {Quantity: 1, Items: [TLSv1.2]}, then aws cloudfront update-distribution --id <id> --if-match <ETag> --distribution-config file://cfg.json (console: CloudFront > Origins > Edit > Minimum origin SSL protocol).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-10",
    "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-custom-origin.html",
  ],
  mappings: { cis: [], fsbp: ["CloudFront.10"] },
  evaluate: (asset) => {
    const custom = asset.config.origins.flatMap((o) => (o.custom ? [o.custom] : []));
    if (custom.length === 0) return undefined;
    return custom.some((o) => o.originSslProtocols.includes("SSLv3")) ? SSLV3 : MODERN;
  },
});
