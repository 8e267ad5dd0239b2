import { defineCheck, fail, pass } from "../../check.ts";

const ENCRYPTED = pass("traffic to every custom origin is encrypted");
const PLAIN = fail("a custom origin is reached over plain HTTP (http-only, or match-viewer with allow-all)");

export const distributionOriginTrafficEncrypted = defineCheck({
  id: "vigil.cloudfront.origin-traffic-encrypted",
  title: "CloudFront distributions should encrypt traffic to custom origins",
  severity: "medium",
  resourceType: "aws.cloudfront.distribution",
  reads: ["origins", "viewerProtocolPolicies"],
  rationale:
    "Between the edge and a custom origin the content crosses the internet: over plain HTTP it can be read and altered there, whatever the viewer used.",
  remediation:
    "Set each CustomOriginConfig.OriginProtocolPolicy to https-only, then aws cloudfront update-distribution --id <id> --if-match <ETag> --distribution-config file://cfg.json (console: CloudFront > Origins > Edit > Protocol).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-9",
    "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-custom-origin.html",
  ],
  mappings: { cis: [], fsbp: ["CloudFront.9"] },
  evaluate: (asset) => {
    const custom = asset.config.origins.flatMap((o) => (o.custom ? [o.custom] : []));
    if (custom.length === 0) return undefined;
    const allowAll = asset.config.viewerProtocolPolicies.includes("allow-all");
    const plain = custom.some(
      (o) =>
        o.originProtocolPolicy === "http-only" || (o.originProtocolPolicy === "match-viewer" && allowAll),
    );
    return plain ? PLAIN : ENCRYPTED;
  },
});
