import type { CheckCase } from "../../_cases/case.ts";
import { good } from "../../_cases/s3.ts";

const statement = (Principal: unknown, Action: string | string[], Condition?: object) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal,
        Action,
        Resource: "arn:aws:s3:::logs-bucket",
        ...(Condition ? { Condition } : {}),
      },
    ],
  });

/** Compliant and non-compliant cases of `vigil.s3.bucket-policy-restricts-other-accounts`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.s3.bucket-policy-restricts-other-accounts",
    name: "TLS-only policy",
    asset: good(),
    expect: "pass",
  },
  {
    check: "vigil.s3.bucket-policy-restricts-other-accounts",
    name: "another account may read",
    asset: good({
      policy: statement({ AWS: "arn:aws:iam::444455556666:root" }, ["s3:GetObject", "s3:ListBucket"]),
    }),
    expect: "pass",
  },
  {
    check: "vigil.s3.bucket-policy-restricts-other-accounts",
    name: "the owner's own role may set the policy",
    asset: good({ policy: statement({ AWS: "arn:aws:iam::123456789012:role/admin" }, "s3:PutBucketPolicy") }),
    expect: "pass",
  },
  {
    check: "vigil.s3.bucket-policy-restricts-other-accounts",
    name: "no policy",
    asset: good({ policy: undefined }),
    expect: "pass",
  },
  {
    check: "vigil.s3.bucket-policy-restricts-other-accounts",
    name: "another account may do s3:*",
    asset: good({ policy: statement({ AWS: ["444455556666"] }, "s3:*") }),
    expect: "fail",
    evidence:
      /s3:DeleteBucketPolicy, PutBucketAcl, PutBucketPolicy, PutEncryptionConfiguration, PutObjectAcl$/,
  },
  {
    check: "vigil.s3.bucket-policy-restricts-other-accounts",
    name: "anyone may set object ACLs",
    asset: good({ policy: statement("*", "s3:PutObjectAcl") }),
    expect: "fail",
    evidence: /may s3:PutObjectAcl$/,
  },
];
