import { defineCheck, fail, pass } from "../../check.ts";
import { blocksAll } from "../public-access-block.ts";

const ACCOUNT = pass("all four Block Public Access settings are on at account level");
const BUCKET = pass("all four Block Public Access settings are on for the bucket");
const OPEN = fail("neither the bucket nor the account blocks all public access");

export const bucketPublicAccessBlocked = defineCheck({
  id: "vigil.s3.bucket-public-access-blocked",
  title: "S3 Block Public Access should be enabled (bucket or account level)",
  severity: "high",
  resourceType: "aws.s3.bucket",
  reads: ["accountPublicAccessBlock", "publicAccessBlock"],
  rationale:
    "Block Public Access is the guard rail that makes a later ACL or policy mistake harmless; the account-level setting covers every bucket.",
  remediation:
    "aws s3control put-public-access-block --account-id <id> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true (or per bucket with s3api put-public-access-block).",
  references: [
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["2.1.4"], fsbp: [] },
  evaluate: (asset) => {
    if (blocksAll(asset.config.accountPublicAccessBlock)) return ACCOUNT;
    return blocksAll(asset.config.publicAccessBlock) ? BUCKET : OPEN;
  },
});
