import { defineCheck, fail, pass } from "../../check.ts";

const OAC = pass("every S3 origin uses origin access control");
const OPEN = fail("an S3 origin has no origin access control: the bucket must be readable some other way");

export const distributionS3OriginAccessControl = defineCheck({
  id: "vigil.cloudfront.s3-origin-access-control",
  title: "CloudFront distributions should use origin access control",
  severity: "medium",
  resourceType: "aws.cloudfront.distribution",
  reads: ["origins"],
  rationale:
    "With origin access control the bucket can deny everyone but the distribution; without it the bucket is public or reached through the legacy origin access identity, which supports neither SSE-KMS nor every region.",
  remediation:
    "aws cloudfront create-origin-access-control --origin-access-control-config Name=<name>,SigningProtocol=sigv4,SigningBehavior=always,OriginAccessControlOriginType=s3; set the origin's OriginAccessControlId (and an empty OriginAccessIdentity) with update-distribution; allow cloudfront.amazonaws.com in the bucket policy.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-13",
    "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html",
  ],
  mappings: { cis: [], fsbp: ["CloudFront.13"] },
  evaluate: (asset) => {
    const s3 = asset.config.origins.filter((o) => o.s3);
    if (s3.length === 0) return undefined;
    return s3.every((o) => o.originAccessControlId !== null) ? OAC : OPEN;
  },
});
