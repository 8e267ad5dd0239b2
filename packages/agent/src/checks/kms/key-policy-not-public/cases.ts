import { ACCOUNT, kmsKey } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";
import { KEY } from "../../_cases/logging.ts";

const check = "vigil.kms.key-policy-not-public";
const policy = (statement: object) => JSON.stringify({ Version: "2012-10-17", Statement: [statement] });
const ANYONE_DECRYPTS = policy({
  Effect: "Allow",
  Principal: { AWS: "*" },
  Action: ["kms:Decrypt", "kms:DescribeKey"],
  Resource: "*",
});
const OWN_ACCOUNT_VIA_EBS = policy({
  Effect: "Allow",
  Principal: { AWS: "*" },
  Action: ["kms:Encrypt", "kms:Decrypt", "kms:CreateGrant"],
  Resource: "*",
  Condition: {
    StringEquals: { "kms:CallerAccount": ACCOUNT, "kms:ViaService": "ec2.us-east-1.amazonaws.com" },
  },
});

/** Compliant and non-compliant cases of `vigil.kms.key-policy-not-public`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check,
    name: "KMS's default key policy",
    asset: kmsKey(KEY, { KeyRotationEnabled: true }),
    expect: "pass",
  },
  {
    check,
    name: "Principal * held to the account by kms:CallerAccount",
    asset: kmsKey(KEY, { KeyRotationEnabled: true }, OWN_ACCOUNT_VIA_EBS),
    expect: "pass",
  },
  {
    check,
    name: "Principal * may decrypt",
    asset: kmsKey(KEY, { KeyRotationEnabled: true }, ANYONE_DECRYPTS),
    expect: "fail",
    evidence: /any AWS principal/,
  },
  {
    check,
    name: "AWS managed key",
    asset: kmsKey({ ...KEY, KeyManager: "AWS" }, null),
    expect: "n/a",
  },
];
