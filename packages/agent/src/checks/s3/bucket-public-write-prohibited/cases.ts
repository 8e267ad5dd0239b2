import type { CheckCase } from "../../_cases/case.ts";
import { OWNER, openBucket, PUBLIC_READ, PUBLIC_WRITE } from "../../_cases/s3.ts";

/** Compliant and non-compliant cases of `vigil.s3.bucket-public-write-prohibited`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.s3.bucket-public-write-prohibited",
    name: "public read only",
    asset: openBucket({ policy: PUBLIC_READ }),
    expect: "pass",
  },
  {
    check: "vigil.s3.bucket-public-write-prohibited",
    name: "policy grants s3:PutObject to *",
    asset: openBucket({ policy: PUBLIC_WRITE }),
    expect: "fail",
  },
  {
    check: "vigil.s3.bucket-public-write-prohibited",
    name: "ACL grants WRITE to AuthenticatedUsers",
    asset: openBucket({
      acl: {
        Owner: OWNER,
        Grants: [
          {
            Grantee: { Type: "Group", URI: "http://acs.amazonaws.com/groups/global/AuthenticatedUsers" },
            Permission: "WRITE",
          },
        ],
      },
    }),
    expect: "fail",
    evidence: /AuthenticatedUsers/,
  },
];
