import { defineCheck, fail, pass } from "../../check.ts";

const SCOPED = pass("the policy allows decryption with named keys only, or not at all");
const ALL_KEYS = fail("the policy allows kms:Decrypt or kms:ReEncryptFrom on every KMS key");

export const policyNoKmsDecryptOnAllKeys = defineCheck({
  id: "vigil.iam.policy-no-kms-decrypt-on-all-keys",
  title: "IAM customer managed policies should not allow decryption actions on all KMS keys",
  severity: "medium",
  resourceType: "aws.iam.policy",
  reads: ["awsManaged", "allowsKmsDecryptOnAllKeys"],
  rationale:
    "Decrypting with any key lets a principal read every secret, snapshot and object encrypted under the account's keys; granting kms:Decrypt on the keys a workload uses keeps the rest out of reach.",
  remediation:
    'Scope kms:Decrypt and kms:ReEncryptFrom to the keys needed ("Resource": ["arn:aws:kms:<region>:<account>:key/<id>"]), then aws iam create-policy-version --policy-arn <arn> --policy-document file://policy.json --set-as-default (console: IAM > Policies > Edit).',
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html#kms-1",
    "https://docs.aws.amazon.com/config/latest/developerguide/iam-customer-policy-blocked-kms-actions.html",
  ],
  mappings: { cis: [], fsbp: ["KMS.1"] },
  evaluate: (asset) => {
    const { awsManaged, allowsKmsDecryptOnAllKeys } = asset.config;
    if (awsManaged) return undefined;
    return allowsKmsDecryptOnAllKeys ? ALL_KEYS : SCOPED;
  },
});
