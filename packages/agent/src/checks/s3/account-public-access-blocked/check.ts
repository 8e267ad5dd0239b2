import { defineCheck, fail, pass } from "../../check.ts";
import { blocksAll } from "../public-access-block.ts";

const ON = pass("all four account-level Block Public Access settings are on");
const OFF = fail("account-level Block Public Access is missing or incomplete");

export const accountPublicAccessBlocked = defineCheck({
  id: "vigil.s3.account-public-access-blocked",
  title: "S3 account-level Block Public Access should be enabled",
  severity: "medium",
  resourceType: "aws.s3.account-settings",
  reads: ["publicAccessBlock"],
  rationale: "The account-level setting protects every current and future bucket at once.",
  remediation:
    "aws s3control put-public-access-block --account-id <id> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
  references: ["https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-1"],
  mappings: { cis: [], fsbp: ["S3.1"] },
  evaluate: (asset) => (blocksAll(asset.config.publicAccessBlock) ? ON : OFF),
});
