import { ACCOUNT, REGION } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";
import { table } from "../../_cases/dynamodb.ts";

/** Compliant and non-compliant cases of `vigil.dynamodb.table-kms-encrypted`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.dynamodb.table-kms-encrypted",
    name: "customer managed key",
    asset: table(),
    expect: "pass",
  },
  {
    check: "vigil.dynamodb.table-kms-encrypted",
    name: "AWS managed key (aws/dynamodb)",
    asset: table({
      SSEDescription: {
        Status: "ENABLED",
        SSEType: "KMS",
        KMSMasterKeyArn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/aws-dynamodb`,
      },
    }),
    expect: "pass",
  },
  {
    check: "vigil.dynamodb.table-kms-encrypted",
    name: "no SSEDescription (a key AWS owns)",
    asset: table({ SSEDescription: undefined }),
    expect: "fail",
    evidence: /AWS owns/,
  },
];
