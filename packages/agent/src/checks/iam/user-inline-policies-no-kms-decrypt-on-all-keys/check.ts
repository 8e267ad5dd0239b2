import { defineCheck } from "../../check.ts";
import {
  INLINE_DECRYPT_RATIONALE,
  INLINE_DECRYPT_REFERENCES,
  inlineDecryptOutcome,
} from "../inline-decrypt.ts";

export const userInlinePoliciesNoKmsDecryptOnAllKeys = defineCheck({
  id: "vigil.iam.user-inline-policies-no-kms-decrypt-on-all-keys",
  title: "IAM users should not have inline policies that allow decryption actions on all KMS keys",
  severity: "medium",
  resourceType: "aws.iam.user",
  reads: ["inlinePoliciesDecryptingAllKeys"],
  rationale: INLINE_DECRYPT_RATIONALE,
  remediation:
    'Scope kms:Decrypt and kms:ReEncryptFrom to the keys needed ("Resource": ["arn:aws:kms:<region>:<account>:key/<id>"]) and aws iam put-user-policy --user-name <user> --policy-name <policy> --policy-document file://policy.json, or move the permission to a customer managed policy attached to a group (console: IAM > Users > <user> > Permissions).',
  references: INLINE_DECRYPT_REFERENCES,
  mappings: { cis: [], fsbp: ["KMS.2"] },
  evaluate: (asset) => inlineDecryptOutcome(asset.config.inlinePoliciesDecryptingAllKeys),
});
