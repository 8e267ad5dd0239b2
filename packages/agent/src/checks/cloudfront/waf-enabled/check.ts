import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("a web ACL is associated");
const OFF = fail("no AWS WAF web ACL is associated");

export const distributionWafEnabled = defineCheck({
  id: "vigil.cloudfront.waf-enabled",
  title: "CloudFront distributions should have AWS WAF enabled",
  severity: "medium",
  resourceType: "aws.cloudfront.distribution",
  reads: ["webAclId"],
  rationale:
    "A web ACL filters common web exploits (SQL injection, cross-site scripting, bad bots) and floods at the edge, before they reach the origin.",
  remediation:
    "aws wafv2 create-web-acl --scope CLOUDFRONT --region us-east-1 ..., then set DistributionConfig.WebACLId to its ARN: aws cloudfront update-distribution --id <id> --if-match <ETag> --distribution-config file://cfg.json (console: CloudFront > General > Edit > AWS WAF).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-6",
    "https://docs.aws.amazon.com/waf/latest/developerguide/cloudfront-features.html",
  ],
  mappings: { cis: [], fsbp: ["CloudFront.6"] },
  evaluate: (asset) => (asset.config.webAclId !== null ? ON : OFF),
});
