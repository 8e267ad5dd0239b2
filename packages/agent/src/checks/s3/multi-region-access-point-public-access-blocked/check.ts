import { defineCheck } from "../../check.ts";
import { ownBlockVerdict } from "../public-access-block.ts";

export const multiRegionAccessPointPublicAccessBlocked = defineCheck({
  id: "vigil.s3.multi-region-access-point-public-access-blocked",
  title: "S3 Multi-Region Access Points should have block public access settings enabled",
  severity: "high",
  resourceType: "aws.s3.multi-region-access-point",
  reads: ["publicAccessBlock"],
  rationale:
    "With a Block Public Access setting off, a Multi-Region Access Point can accept internet requests to the buckets of every Region behind it; the settings are fixed when it is created.",
  remediation:
    "The settings cannot be changed after creation: aws s3control create-multi-region-access-point --account-id <id> --details 'Name=<name>,Regions=[{Bucket=<bucket>}]' --region us-west-2 (all four settings on by default), move clients to it, then aws s3control delete-multi-region-access-point --account-id <id> --details Name=<old name> --region us-west-2 (console: S3 > Multi-Region Access Points)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-24",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/multi-region-access-point-block-public-access.html",
  ],
  mappings: { cis: [], fsbp: ["S3.24"] },
  evaluate: (asset) => ownBlockVerdict(asset.config.publicAccessBlock, "the Multi-Region Access Point"),
});
