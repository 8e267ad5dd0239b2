import type { CheckCase } from "../../_cases/case.ts";
import { awsManagedPolicy, policy, SCOPED_DOC } from "../../_cases/iam.ts";

const S3_ALL = {
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Action: ["s3:*", "sqs:SendMessage"], Resource: "arn:aws:s3:::reports/*" },
    { Effect: "Deny", Action: "iam:*", Resource: "*" },
  ],
};

/** Compliant and non-compliant cases of `vigil.iam.policy-no-service-wildcards`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.iam.policy-no-service-wildcards",
    name: "named actions",
    asset: policy(SCOPED_DOC, 1),
    expect: "pass",
  },
  {
    check: "vigil.iam.policy-no-service-wildcards",
    name: "s3:* allowed (iam:* only denied)",
    asset: policy(S3_ALL, 1),
    expect: "fail",
    evidence: /every action of s3:\*$/,
  },
  {
    check: "vigil.iam.policy-no-service-wildcards",
    name: "AWS managed",
    asset: awsManagedPolicy("AmazonS3FullAccess", S3_ALL),
    expect: "n/a",
  },
];
