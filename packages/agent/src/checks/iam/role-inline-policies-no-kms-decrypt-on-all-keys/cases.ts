import { iamRole } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";
import { allowDoc as doc, role } from "../../_cases/iam.ts";

const CHECK = "vigil.iam.role-inline-policies-no-kms-decrypt-on-all-keys";
const TRUST = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
};

/** Compliant and non-compliant cases of `vigil.iam.role-inline-policies-no-kms-decrypt-on-all-keys`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: CHECK,
    name: "encrypt on every key, decrypt with one",
    asset: iamRole(role(TRUST), [], {
      encrypt: doc("kms:GenerateDataKey", "*"),
      decrypt: doc(
        "kms:Decrypt",
        "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      ),
    }),
    expect: "pass",
  },
  {
    check: CHECK,
    name: "inline kms:ReEncryptFrom on every key",
    asset: iamRole(role(TRUST), [], {
      reencrypt: doc(["kms:ReEncryptFrom", "kms:ReEncryptTo"], "*"),
    }),
    expect: "fail",
  },
];
