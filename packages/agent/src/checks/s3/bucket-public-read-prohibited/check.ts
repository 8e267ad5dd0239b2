import { defineCheck, fail, pass } from "../../check.ts";
import { blocksAll } from "../public-access-block.ts";

const PRIVATE = pass("neither the bucket policy nor the ACL grants public read");
const BLOCKED = pass("Block Public Access overrides every public grant");

export const bucketPublicRead = defineCheck({
  id: "vigil.s3.bucket-public-read-prohibited",
  title: "S3 buckets should prohibit public read access",
  severity: "critical",
  resourceType: "aws.s3.bucket",
  reads: ["accountPublicAccessBlock", "policy", "publicAccessBlock", "publicAclGrants"],
  rationale: "Public read access is the most common cause of S3 data leaks.",
  remediation:
    "Remove AllUsers/AuthenticatedUsers grants from the ACL and public Allow statements from the bucket policy, then enable Block Public Access.",
  references: ["https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-2"],
  mappings: { cis: [], fsbp: ["S3.2"] },
  evaluate: (asset) => {
    const c = asset.config;
    if (blocksAll(c.accountPublicAccessBlock) || blocksAll(c.publicAccessBlock)) return BLOCKED;
    if (c.policy?.allowsPublicRead) return fail("the bucket policy allows public read");
    for (const g of c.publicAclGrants) {
      if (g.permission === "READ" || g.permission === "FULL_CONTROL")
        return fail(`the ACL grants ${g.permission} to ${g.grantee}`);
    }
    return PRIVATE;
  },
});
