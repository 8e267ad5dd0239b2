import { defineCheck } from "../../check.ts";
import { ownBlockVerdict } from "../public-access-block.ts";

export const accessPointPublicAccessBlocked = defineCheck({
  id: "vigil.s3.access-point-public-access-blocked",
  title: "S3 access points should have block public access settings enabled",
  severity: "critical",
  resourceType: "aws.s3.access-point",
  reads: ["publicAccessBlock"],
  rationale:
    "An access point's own Block Public Access settings are the last guard between its policy and the internet: with any of them off, a policy or ACL mistake on the access point can make the bucket's data public through it.",
  remediation:
    "The settings cannot be changed after creation: aws s3control create-access-point --account-id <id> --name <name> --bucket <bucket> (all four settings are on by default), move clients to it, then aws s3control delete-access-point --account-id <id> --name <old name> (console: S3 > Access Points)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-19",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-bpa-settings.html",
  ],
  mappings: { cis: [], fsbp: ["S3.19"] },
  evaluate: (asset) => ownBlockVerdict(asset.config.publicAccessBlock, "the access point"),
});
