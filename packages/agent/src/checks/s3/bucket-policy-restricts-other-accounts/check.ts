import { defineCheck, fail, pass } from "../../check.ts";

const NO_POLICY = pass("the bucket has no policy");
const RESTRICTED = pass("the policy lets no other account change the bucket's policy, ACLs or encryption");

export const bucketPolicyRestrictsOtherAccounts = defineCheck({
  id: "vigil.s3.bucket-policy-restricts-other-accounts",
  title: "S3 general purpose bucket policies should restrict access to other AWS accounts",
  severity: "high",
  resourceType: "aws.s3.bucket",
  reads: ["policy"],
  rationale:
    "Another account allowed to delete or replace the bucket policy, set ACLs or change the default encryption can open the bucket, or lock its owner out of it.",
  remediation:
    "Remove s3:DeleteBucketPolicy, s3:PutBucketAcl, s3:PutBucketPolicy, s3:PutEncryptionConfiguration and s3:PutObjectAcl from the statements that allow other accounts, then aws s3api put-bucket-policy --bucket <bucket> --policy file://policy.json (console: S3 > bucket > Permissions > Bucket policy).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-6",
    "https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-blacklisted-actions-prohibited.html",
  ],
  mappings: { cis: [], fsbp: ["S3.6"] },
  evaluate: (asset) => {
    const policy = asset.config.policy;
    if (policy === null) return NO_POLICY;
    const actions = policy.otherAccountsBlockedActions;
    return actions.length === 0
      ? RESTRICTED
      : fail(`other accounts may s3:${actions.map((a) => a.slice(3)).join(", ")}`);
  },
});
