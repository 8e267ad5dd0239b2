import type { CheckCase } from "../../_cases/case.ts";
import { allowDoc as doc, keyUser } from "../../_cases/iam.ts";

const CHECK = "vigil.iam.user-inline-policies-no-kms-decrypt-on-all-keys";

/** Compliant and non-compliant cases of `vigil.iam.user-inline-policies-no-kms-decrypt-on-all-keys`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: CHECK,
    name: "no inline policy",
    asset: keyUser({}),
    expect: "pass",
  },
  {
    check: CHECK,
    name: "inline kms:Decrypt with one key",
    asset: keyUser(
      {},
      {
        inlinePolicies: {
          "read-orders": doc(
            "kms:Decrypt",
            "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
          ),
        },
      },
    ),
    expect: "pass",
  },
  {
    check: CHECK,
    name: "inline kms:* on every key",
    asset: keyUser(
      {},
      { inlinePolicies: { scoped: doc("s3:GetObject", "*"), "kms-all": doc("kms:*", "*") } },
    ),
    expect: "fail",
  },
];
