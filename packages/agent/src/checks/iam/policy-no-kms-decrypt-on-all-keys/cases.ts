import type { CheckCase } from "../../_cases/case.ts";
import { ADMIN_DOC, awsManagedPolicy, allowDoc as doc, policy } from "../../_cases/iam.ts";

/** Compliant and non-compliant cases of `vigil.iam.policy-no-kms-decrypt-on-all-keys`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.iam.policy-no-kms-decrypt-on-all-keys",
    name: "decrypt with one key",
    asset: policy(
      doc("kms:Decrypt", "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
      1,
    ),
    expect: "pass",
  },
  {
    check: "vigil.iam.policy-no-kms-decrypt-on-all-keys",
    name: "encrypt only, every key",
    asset: policy(doc(["kms:Encrypt", "kms:GenerateDataKey"], "*"), 1),
    expect: "pass",
  },
  {
    check: "vigil.iam.policy-no-kms-decrypt-on-all-keys",
    name: "kms:Decrypt on *",
    asset: policy(doc("kms:Decrypt", "*"), 1),
    expect: "fail",
  },
  {
    check: "vigil.iam.policy-no-kms-decrypt-on-all-keys",
    name: "kms:ReEncrypt* on every key's ARN",
    asset: policy(doc("kms:ReEncrypt*", "arn:aws:kms:*:123456789012:key/*"), 1),
    expect: "fail",
  },
  {
    check: "vigil.iam.policy-no-kms-decrypt-on-all-keys",
    name: "*:*",
    asset: policy(ADMIN_DOC, 1),
    expect: "fail",
  },
  {
    check: "vigil.iam.policy-no-kms-decrypt-on-all-keys",
    name: "AWS managed",
    asset: awsManagedPolicy("AdministratorAccess", ADMIN_DOC),
    expect: "n/a",
  },
];
