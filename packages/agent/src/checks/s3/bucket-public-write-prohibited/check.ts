import { defineCheck, fail, pass } from "../../check.ts";
import { blocksAll } from "../public-access-block.ts";

const PRIVATE = pass("neither the bucket policy nor the ACL grants public write");
const BLOCKED = pass("Block Public Access overrides every public grant");

export const bucketPublicWrite = defineCheck({
  id: "vigil.s3.bucket-public-write-prohibited",
  title: "S3 buckets should prohibit public write access",
  severity: "critical",
  resourceType: "aws.s3.bucket",
  reads: ["accountPublicAccessBlock", "policy", "publicAccessBlock", "publicAclGrants"],
  rationale: "Anyone who can write to a bucket can plant malware, overwrite data or run up the storage bill.",
  remediation:
    "Remove AllUsers/AuthenticatedUsers WRITE grants and public Allow statements for s3:PutObject/DeleteObject, then enable Block Public Access.",
  references: ["https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-3"],
  mappings: { cis: [], fsbp: ["S3.3"] },
  evaluate: (asset) => {
    const c = asset.config;
    if (blocksAll(c.accountPublicAccessBlock) || blocksAll(c.publicAccessBlock)) return BLOCKED;
    if (c.policy?.allowsPublicWrite) return fail("the bucket policy allows public write");
    for (const g of c.publicAclGrants) {
      if (g.permission !== "READ" && g.permission !== "READ_ACP")
        return fail(`the ACL grants ${g.permission} to ${g.grantee}`);
    }
    return PRIVATE;
  },
});
