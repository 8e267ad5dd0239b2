import { defineCheck } from "../../check.ts";
import {
  INLINE_DECRYPT_RATIONALE,
  INLINE_DECRYPT_REFERENCES,
  inlineDecryptOutcome,
} from "../inline-decrypt.ts";

export const roleInlinePoliciesNoKmsDecryptOnAllKeys = defineCheck({
  id: "vigil.iam.role-inline-policies-no-kms-decrypt-on-all-keys",
  title: "IAM roles should not have inline policies that allow decryption actions on all KMS keys",
  severity: "medium",
  resourceType: "aws.iam.role",
  reads: ["inlinePoliciesDecryptingAllKeys"],
  rationale: INLINE_DECRYPT_RATIONALE,
  remediation:
    'Scope kms:Decrypt and kms:ReEncryptFrom to the keys needed ("Resource": ["arn:aws:kms:<region>:<account>:key/<id>"]) and aws iam put-role-policy --role-name <role> --policy-name <policy> --policy-document file://policy.json (console: IAM > Roles > <role> > Permissions).',
  references: INLINE_DECRYPT_REFERENCES,
  mappings: { cis: [], fsbp: ["KMS.2"] },
  evaluate: (asset) => inlineDecryptOutcome(asset.config.inlinePoliciesDecryptingAllKeys),
});
