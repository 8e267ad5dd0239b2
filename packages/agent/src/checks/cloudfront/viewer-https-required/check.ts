import { defineCheck, fail, pass } from "../../check.ts";

const HTTPS = pass("every cache behavior requires HTTPS or redirects to it");
const PLAIN = fail("a cache behavior's viewer protocol policy is allow-all: viewers may use plain HTTP");

export const distributionViewerHttpsRequired = defineCheck({
  id: "vigil.cloudfront.viewer-https-required",
  title: "CloudFront distributions should require encryption in transit",
  severity: "medium",
  resourceType: "aws.cloudfront.distribution",
  reads: ["viewerProtocolPolicies"],
  rationale:
    "A behavior that allows all protocols serves content over plain HTTP, where it can be read and altered on the way to the viewer.",
  remediation:
    "Set ViewerProtocolPolicy to redirect-to-https (or https-only) in DefaultCacheBehavior and every CacheBehaviors item: aws cloudfront update-distribution --id <id> --if-match <ETag> --distribution-config file://cfg.json (console: CloudFront > Behaviors > Edit).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-3",
    "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html",
  ],
  mappings: { cis: [], fsbp: ["CloudFront.3"] },
  evaluate: (asset) => (asset.config.viewerProtocolPolicies.includes("allow-all") ? PLAIN : HTTPS),
});
