import { defineCheck, fail, pass } from "../../check.ts";

const OWNER_ONLY = pass("the bucket's ACL grants nothing beyond its owner");

export const bucketAclsNotUsed = defineCheck({
  id: "vigil.s3.bucket-acls-not-used",
  title: "ACLs should not be used to manage user access to S3 general purpose buckets",
  severity: "medium",
  resourceType: "aws.s3.bucket",
  reads: ["aclGrantsToOthers"],
  rationale:
    "Access granted by ACLs is invisible in IAM and bucket policies, where access is reviewed; with Object Ownership set to bucket owner enforced, ACLs are off and policies alone decide.",
  remediation:
    "Move what the ACL grants into the bucket policy, then aws s3api put-bucket-ownership-controls --bucket <bucket> --ownership-controls 'Rules=[{ObjectOwnership=BucketOwnerEnforced}]' (console: S3 > bucket > Permissions > Object Ownership > ACLs disabled).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-12",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html",
  ],
  mappings: { cis: [], fsbp: ["S3.12"] },
  evaluate: (asset) => {
    const n = asset.config.aclGrantsToOthers;
    return n === 0 ? OWNER_ONLY : fail(`the bucket's ACL has ${n} grant(s) to others than its owner`);
  },
});
