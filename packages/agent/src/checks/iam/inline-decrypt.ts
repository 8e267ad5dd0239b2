import { type CheckOutcome, fail, pass } from "../check.ts";

/** KMS.2 for users and roles alike: the inline policies that allow decryption with every KMS key. */
export function inlineDecryptOutcome(names: readonly string[]): CheckOutcome {
  if (names.length === 0)
    return pass("no inline policy allows kms:Decrypt or kms:ReEncryptFrom on every key");
  const quoted = names.map((n) => `'${n}'`).join(", ");
  return fail(
    `inline ${names.length === 1 ? "policy" : "policies"} ${quoted} ${names.length === 1 ? "allows" : "allow"} kms:Decrypt or kms:ReEncryptFrom on every KMS key`,
  );
}

export const INLINE_DECRYPT_RATIONALE =
  "An inline policy that allows kms:Decrypt on every key lets its principal read every secret, snapshot and object encrypted under the account's keys, and being inline it is reviewed with nothing else; scoping decryption to the keys the workload uses keeps the rest out of reach.";

export const INLINE_DECRYPT_REFERENCES = [
  "https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html#kms-2",
  "https://docs.aws.amazon.com/config/latest/developerguide/iam-inline-policy-blocked-kms-actions.html",
];
