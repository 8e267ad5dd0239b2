import { defineCheck, fail, pass } from "../../check.ts";

const FAILOVER = pass("an origin group with two or more origins provides failover");
const SINGLE = fail("no origin group with two or more origins: the distribution has no origin failover");

export const distributionOriginFailover = defineCheck({
  id: "vigil.cloudfront.origin-failover-configured",
  title: "CloudFront distributions should have origin failover configured",
  severity: "low",
  resourceType: "aws.cloudfront.distribution",
  reads: ["originGroupSizes"],
  rationale:
    "An origin group with a secondary origin lets CloudFront fail over when the primary is unavailable or answers with server errors.",
  remediation:
    "Create an origin group with a primary and a secondary origin and point the cache behaviors at it (DistributionConfig.OriginGroups), then aws cloudfront update-distribution --id <id> --if-match <ETag> --distribution-config file://cfg.json.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-4",
    "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/high_availability_origin_failover.html",
  ],
  mappings: { cis: [], fsbp: ["CloudFront.4"] },
  evaluate: (asset) => (asset.config.originGroupSizes.some((n) => n >= 2) ? FAILOVER : SINGLE),
});
