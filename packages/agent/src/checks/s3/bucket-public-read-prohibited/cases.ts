import type { CheckCase } from "../../_cases/case.ts";
import { ALL_USERS, CLOUDFRONT_ONLY, good, OWNER, openBucket, PUBLIC_READ } from "../../_cases/s3.ts";

/** Compliant and non-compliant cases of `vigil.s3.bucket-public-read-prohibited`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.s3.bucket-public-read-prohibited", name: "private", asset: openBucket({}), expect: "pass" },
  {
    check: "vigil.s3.bucket-public-read-prohibited",
    name: "policy grants s3:GetObject to *",
    asset: openBucket({ policy: PUBLIC_READ }),
    expect: "fail",
    evidence: /policy/,
  },
  {
    check: "vigil.s3.bucket-public-read-prohibited",
    name: "ACL grants READ to AllUsers",
    asset: openBucket({
      acl: { Owner: OWNER, Grants: [{ Grantee: { Type: "Group", URI: ALL_USERS }, Permission: "READ" }] },
    }),
    expect: "fail",
    evidence: /READ to AllUsers/,
  },
  {
    check: "vigil.s3.bucket-public-read-prohibited",
    name: "CloudFront OAC with a SourceArn condition",
    asset: openBucket({ policy: CLOUDFRONT_ONLY }),
    expect: "pass",
  },
  {
    check: "vigil.s3.bucket-public-read-prohibited",
    name: "public policy but account Block Public Access on",
    asset: good({ policy: PUBLIC_READ, publicAccessBlock: undefined }),
    expect: "pass",
  },
];
