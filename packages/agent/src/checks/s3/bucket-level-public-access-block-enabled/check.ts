import { defineCheck, fail, pass } from "../../check.ts";
import { blocksAll } from "../public-access-block.ts";

const ON = pass("all four bucket-level Block Public Access settings are on");

export const bucketPublicAccessBlockEnabled = defineCheck({
  id: "vigil.s3.bucket-level-public-access-block-enabled",
  title: "S3 buckets should have bucket-level Block Public Access enabled",
  severity: "high",
  resourceType: "aws.s3.bucket",
  reads: ["publicAccessBlock"],
  rationale:
    "A bucket-level block keeps the bucket private even if the account-level setting is relaxed later.",
  remediation:
    "aws s3api put-public-access-block --bucket <name> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
  references: ["https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-8"],
  mappings: { cis: [], fsbp: ["S3.8"] },
  evaluate: (asset) => {
    const block = asset.config.publicAccessBlock;
    if (blocksAll(block)) return ON;
    return fail(
      block === null
        ? "no bucket-level Block Public Access configuration"
        : "some bucket-level Block Public Access settings are off",
    );
  },
});
