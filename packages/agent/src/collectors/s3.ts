import {
  type Bucket,
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  paginateListBuckets,
} from "@aws-sdk/client-s3";
import { type AssetOf, analyzeBucketPolicy } from "../assets/index.ts";
import { type CollectContext, type Collector, mapLimit, tagsOf } from "./collector.ts";

type BucketConfig = AssetOf<"aws.s3.bucket">["config"];
type Grant = BucketConfig["publicAclGrants"][number];

const GROUPS: Record<string, Grant["grantee"]> = {
  "http://acs.amazonaws.com/groups/global/AllUsers": "AllUsers",
  "http://acs.amazonaws.com/groups/global/AuthenticatedUsers": "AuthenticatedUsers",
};
const PERMISSIONS = new Set(["READ", "WRITE", "READ_ACP", "WRITE_ACP", "FULL_CONTROL"]);
const SSE = new Set(["AES256", "aws:kms", "aws:kms:dsse"]);

/** `GetBucketLocation` answers `null`/empty for us-east-1 and `EU` for the oldest eu-west-1 buckets. */
export function bucketRegionOf(location: string | null | undefined): string {
  if (location === undefined || location === null || location === "") return "us-east-1";
  return location === "EU" ? "eu-west-1" : location;
}

async function collectBucket(
  c: CollectContext,
  bucket: Bucket,
): Promise<AssetOf<"aws.s3.bucket"> | undefined> {
  const name = bucket.Name ?? "";
  const at = (command: string) => ({ scope: "global", service: "s3api", command, resource: name });
  let region = bucket.BucketRegion;
  if (region === undefined) {
    const location = await c.read.one(at("get-bucket-location"), () =>
      c.clients.s3.send(new GetBucketLocationCommand({ Bucket: name })),
    );
    if (!location.ok) return undefined;
    region = bucketRegionOf(location.value.LocationConstraint);
  }
  const s3 = c.clientsFor(region).s3;
  const [encryption, block, versioning, policy, acl, logging, tagging] = await Promise.all([
    c.read.one(at("get-bucket-encryption"), () => s3.send(new GetBucketEncryptionCommand({ Bucket: name })), {
      notConfigured: ["ServerSideEncryptionConfigurationNotFoundError"],
    }),
    c.read.one(
      at("get-public-access-block"),
      () => s3.send(new GetPublicAccessBlockCommand({ Bucket: name })),
      {
        notConfigured: ["NoSuchPublicAccessBlockConfiguration"],
      },
    ),
    c.read.one(at("get-bucket-versioning"), () => s3.send(new GetBucketVersioningCommand({ Bucket: name }))),
    c.read.one(at("get-bucket-policy"), () => s3.send(new GetBucketPolicyCommand({ Bucket: name })), {
      notConfigured: ["NoSuchBucketPolicy"],
    }),
    c.read.one(at("get-bucket-acl"), () => s3.send(new GetBucketAclCommand({ Bucket: name }))),
    c.read.one(at("get-bucket-logging"), () => s3.send(new GetBucketLoggingCommand({ Bucket: name }))),
    c.read.one(at("get-bucket-tagging"), () => s3.send(new GetBucketTaggingCommand({ Bucket: name })), {
      notConfigured: ["NoSuchTagSet"],
    }),
  ]);
  // A setting that could not be read would be guessed; the bucket is left out and the call reported.
  for (const r of [encryption, block, versioning, policy, acl, logging])
    if (!r.ok && r.kind !== "not-configured") return undefined;

  const rule = encryption.ok ? encryption.value.ServerSideEncryptionConfiguration?.Rules?.[0] : undefined;
  const algorithm = rule?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm;
  let serverSideEncryption: BucketConfig["serverSideEncryption"] = null;
  if (algorithm !== undefined && SSE.has(algorithm)) {
    serverSideEncryption = { sseAlgorithm: algorithm as "AES256" | "aws:kms" | "aws:kms:dsse" };
    const keyId = rule?.ApplyServerSideEncryptionByDefault?.KMSMasterKeyID;
    if (keyId) serverSideEncryption.kmsMasterKeyId = keyId;
    if (rule?.BucketKeyEnabled !== undefined) serverSideEncryption.bucketKeyEnabled = rule.BucketKeyEnabled;
  }
  const pab = block.ok ? block.value.PublicAccessBlockConfiguration : undefined;
  const v: { Status?: string; MFADelete?: string } = versioning.ok ? versioning.value : {};
  const status = v.Status === "Enabled" || v.Status === "Suspended" ? v.Status : "Disabled";
  const policyText = policy.ok ? policy.value.Policy : undefined;
  const grants: Grant[] = [];
  for (const g of acl.ok ? (acl.value.Grants ?? []) : []) {
    const grantee = GROUPS[g.Grantee?.URI ?? ""];
    if (grantee !== undefined && g.Permission !== undefined && PERMISSIONS.has(g.Permission)) {
      grants.push({ grantee, permission: g.Permission as Grant["permission"] });
    }
  }
  return {
    arn: `arn:${c.partition}:s3:::${name}`,
    type: "aws.s3.bucket",
    region,
    accountId: c.accountId,
    name,
    tags: tagging.ok ? tagsOf(tagging.value.TagSet) : {},
    config: {
      serverSideEncryption,
      publicAccessBlock: pab
        ? {
            blockPublicAcls: pab.BlockPublicAcls === true,
            ignorePublicAcls: pab.IgnorePublicAcls === true,
            blockPublicPolicy: pab.BlockPublicPolicy === true,
            restrictPublicBuckets: pab.RestrictPublicBuckets === true,
          }
        : null,
      // s3control GetPublicAccessBlock is not among the calls Vigil may make yet (see README).
      accountPublicAccessBlock: null,
      versioning: { status, mfaDelete: v.MFADelete === "Enabled" ? "Enabled" : "Disabled" },
      policy: policyText === undefined ? null : analyzeBucketPolicy(policyText),
      publicAclGrants: grants,
      loggingEnabled: logging.ok && logging.value.LoggingEnabled !== undefined,
      // Filled in by `linkAssets` from the trails' event selectors.
      objectLevelLogging: null,
    },
  };
}

export const s3BucketsCollector: Collector = {
  id: "s3-buckets",
  scope: "global",
  resourceTypes: ["aws.s3.bucket"],
  async collect(c) {
    const list = await c.read.pages({ scope: "global", service: "s3api", command: "list-buckets" }, () =>
      paginateListBuckets({ client: c.clients.s3 }, {}),
    );
    if (!list.ok) return { assets: [] };
    const assets = await mapLimit(list.value.Buckets ?? [], 8, (b) => collectBucket(c, b));
    return { assets: assets.filter((a) => a !== undefined) };
  },
};
