import type { CheckCase } from "../../_cases/case.ts";
import { ALL_USERS, good, OWNER } from "../../_cases/s3.ts";

const OWNER_GRANT = {
  Grantee: { Type: "CanonicalUser" as const, ID: OWNER.ID },
  Permission: "FULL_CONTROL" as const,
};

/** Compliant and non-compliant cases of `vigil.s3.bucket-acls-not-used`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.s3.bucket-acls-not-used", name: "owner only", asset: good(), expect: "pass" },
  {
    check: "vigil.s3.bucket-acls-not-used",
    name: "another account's canonical user",
    asset: good({
      acl: {
        Owner: OWNER,
        Grants: [
          OWNER_GRANT,
          {
            Grantee: {
              Type: "CanonicalUser",
              ID: "be3c1f0a2b7d4e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f",
            },
            Permission: "READ",
          },
        ],
      },
    }),
    expect: "fail",
    evidence: /1 grant\(s\)/,
  },
  {
    check: "vigil.s3.bucket-acls-not-used",
    name: "AllUsers READ",
    asset: good({
      acl: {
        Owner: OWNER,
        Grants: [OWNER_GRANT, { Grantee: { Type: "Group", URI: ALL_USERS }, Permission: "READ" }],
      },
    }),
    expect: "fail",
  },
];
