import { defineCheck, fail, pass } from "../../check.ts";

const SCOPED = pass("the key policy names its principals");
const PUBLIC = fail("the key policy allows any AWS principal without a restricting condition");

export const keyPolicyNotPublic = defineCheck({
  id: "vigil.kms.key-policy-not-public",
  title: "KMS keys should not be publicly accessible",
  severity: "critical",
  resourceType: "aws.kms.key",
  reads: ["keyPolicyPublic"],
  rationale:
    "A key policy that allows Principal * lets any AWS account use or manage the key, and so decrypt whatever it protects.",
  remediation:
    "aws kms put-key-policy --key-id <key-id> --policy-name default --policy file://policy.json, naming the accounts and roles that need the key or adding aws:PrincipalOrgID / kms:CallerAccount conditions (console: KMS > Customer managed keys > key > Key policy > Edit)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html#kms-5",
    "https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html",
  ],
  mappings: { cis: [], fsbp: ["KMS.5"] },
  evaluate: (asset) => {
    const v = asset.config.keyPolicyPublic;
    // AWS managed keys and keys pending deletion: no policy of the customer's to judge.
    if (v === null) return undefined;
    return v ? PUBLIC : SCOPED;
  },
});
