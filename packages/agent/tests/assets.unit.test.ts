import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  analyzeBucketPolicy,
  assetSchemas,
  parseAsset,
  policyAllowsFullAdmin,
  policyAllowsKmsDecryptOnAllKeys,
  policyServiceWildcards,
  RESOURCE_TYPES,
  trustAllowsAnyPrincipal,
} from "../src/assets/index.ts";
import { syntheticAssets } from "../src/assets/synthetic.ts";

describe("assets", () => {
  it("synthetic assets of every type satisfy their schema", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        for (const asset of syntheticAssets({ count: RESOURCE_TYPES.length * 2, seed })) {
          const parsed = parseAsset(asset);
          expect(parsed.ok ? [] : parsed.issues).toEqual([]);
          // As the collector reads it: only a stopped instance has the time it stopped.
          if (asset.type === "aws.ec2.instance") {
            const config = asset.config as { state: string; stoppedAt?: string };
            expect(config.stoppedAt !== undefined).toBe(config.state === "stopped");
          }
        }
      }),
      { numRuns: 30 },
    );
  });

  it("reports where a malformed asset is wrong, without throwing", () => {
    const result = parseAsset({
      arn: "arn:aws:ec2:us-east-1:123456789012:instance/i-1",
      type: "aws.ec2.instance",
      region: "us-east-1",
      accountId: "1234",
      tags: {},
      config: {
        instanceId: "i-1",
        state: "running",
        metadataOptions: { httpTokens: "maybe", httpEndpoint: "enabled" },
      },
    });
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(["accountId", "config.metadataOptions.httpTokens", "config.hasPublicIpAddress"]),
    );
    expect(parseAsset({ type: "aws.ec2.toaster" }).ok).toBe(false);
  });

  it("has one schema per declared resource type", () => {
    for (const type of RESOURCE_TYPES) expect(assetSchemas[type].shape.type.value).toBe(type);
  });
});

describe("policy document readers", () => {
  it("reads bucket policy facts from the GetBucketPolicy JSON string", () => {
    const facts = analyzeBucketPolicy(
      JSON.stringify({
        Statement: [
          { Effect: "Allow", Principal: "*", Action: "s3:*", Resource: "arn:aws:s3:::b/*" },
          {
            Effect: "Deny",
            Principal: { AWS: "*" },
            Action: "s3:*",
            Resource: "arn:aws:s3:::b/*",
            Condition: { Bool: { "aws:SecureTransport": ["false"] } },
          },
        ],
      }),
    );
    expect(facts).toEqual({
      deniesInsecureTransport: true,
      isPublic: true,
      allowsPublicRead: true,
      allowsPublicWrite: true,
      // Anyone (another account included) may do s3:*: every action FSBP S3.6 keeps from other accounts.
      otherAccountsBlockedActions: [
        "s3:DeleteBucketPolicy",
        "s3:PutBucketAcl",
        "s3:PutBucketPolicy",
        "s3:PutEncryptionConfiguration",
        "s3:PutObjectAcl",
      ],
    });
    expect(analyzeBucketPolicy("not json")).toEqual({
      deniesInsecureTransport: false,
      isPublic: false,
      allowsPublicRead: false,
      allowsPublicWrite: false,
      otherAccountsBlockedActions: [],
    });
  });

  it("treats a public principal restricted to an organization as not public", () => {
    const facts = analyzeBucketPolicy({
      Statement: {
        Effect: "Allow",
        Principal: "*",
        Action: "s3:GetObject",
        Resource: "*",
        Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } },
      },
    });
    expect(facts.isPublic).toBe(false);
  });

  it("names other accounts' S3.6 actions only outside the owner's account and unrestricted public grants", () => {
    const allow = (Principal: unknown, Action: string, Condition?: object) => ({
      Statement: [
        {
          Effect: "Allow",
          Principal,
          Action,
          Resource: "arn:aws:s3:::b",
          ...(Condition ? { Condition } : {}),
        },
      ],
    });
    const owner = "111122223333";
    expect(
      analyzeBucketPolicy(allow({ AWS: `arn:aws:iam::${owner}:role/x` }, "s3:PutBucketPolicy"), owner)
        .otherAccountsBlockedActions,
    ).toEqual([]);
    expect(
      analyzeBucketPolicy(allow({ AWS: "444455556666" }, "s3:Put*"), owner).otherAccountsBlockedActions,
    ).toEqual(["s3:PutBucketAcl", "s3:PutBucketPolicy", "s3:PutEncryptionConfiguration", "s3:PutObjectAcl"]);
    const orgOnly = allow("*", "s3:PutObjectAcl", { StringEquals: { "aws:PrincipalOrgID": "o-abc" } });
    expect(analyzeBucketPolicy(orgOnly, owner).otherAccountsBlockedActions).toEqual([]);
  });

  it("reads service wildcards and decryption on every KMS key from identity policies", () => {
    const doc = (Action: unknown, Resource: unknown, Effect = "Allow") => ({
      Statement: [{ Effect, Action, Resource }],
    });
    expect(policyServiceWildcards(doc(["s3:*", "EC2:*", "iam:Get*"], "*"))).toEqual(["ec2", "s3"]);
    expect(policyServiceWildcards(doc("s3:*", "*", "Deny"))).toEqual([]);
    expect(policyAllowsKmsDecryptOnAllKeys(doc("kms:Decrypt", "*"))).toBe(true);
    expect(policyAllowsKmsDecryptOnAllKeys(doc("kms:*", "arn:aws:kms:*:111122223333:key/*"))).toBe(true);
    expect(
      policyAllowsKmsDecryptOnAllKeys(doc("kms:Decrypt", "arn:aws:kms:us-east-1:111122223333:key/k")),
    ).toBe(false);
    expect(policyAllowsKmsDecryptOnAllKeys(doc("kms:Encrypt", "*"))).toBe(false);
    expect(policyAllowsKmsDecryptOnAllKeys(doc("kms:Decrypt", "*", "Deny"))).toBe(false);
  });

  it("detects *:* only when both action and resource are *", () => {
    expect(policyAllowsFullAdmin({ Statement: [{ Effect: "Allow", Action: ["*"], Resource: "*" }] })).toBe(
      true,
    );
    expect(policyAllowsFullAdmin({ Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }] })).toBe(
      false,
    );
    expect(policyAllowsFullAdmin({ Statement: [{ Effect: "Deny", Action: "*", Resource: "*" }] })).toBe(
      false,
    );
  });

  it("flags trust policies open to any principal unless a condition restricts them", () => {
    const open = { Statement: [{ Effect: "Allow", Principal: { AWS: ["*"] }, Action: "sts:AssumeRole" }] };
    expect(trustAllowsAnyPrincipal(open)).toBe(true);
    expect(
      trustAllowsAnyPrincipal({
        Statement: [{ ...open.Statement[0], Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } } }],
      }),
    ).toBe(false);
    expect(
      trustAllowsAnyPrincipal({
        Statement: [
          { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" },
        ],
      }),
    ).toBe(false);
  });
});
