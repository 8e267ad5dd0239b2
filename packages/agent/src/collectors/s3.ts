import {
  type Bucket,
  GetBucketAclCommand,
  type GetBucketAclOutput,
  GetBucketEncryptionCommand,
  type GetBucketEncryptionOutput,
  GetBucketLifecycleConfigurationCommand,
  type GetBucketLifecycleConfigurationOutput,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  type GetBucketLoggingOutput,
  GetBucketPolicyCommand,
  type GetBucketPolicyOutput,
  GetBucketTaggingCommand,
  type GetBucketTaggingOutput,
  GetBucketVersioningCommand,
  type GetBucketVersioningOutput,
  GetPublicAccessBlockCommand,
  type GetPublicAccessBlockOutput,
  paginateListBuckets,
  S3Client,
} from "@aws-sdk/client-s3";
import {
  GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand,
  type PublicAccessBlockConfiguration,
  S3ControlClient,
} from "@aws-sdk/client-s3-control";
import { type AssetOf, analyzeBucketPolicy, GLOBAL_REGION } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import {
  type CollectContext,
  type Collector,
  mapLimit,
  notListed,
  publicAccessBlockOf,
  tagsOf,
} from "./collector.ts";
import type { Where } from "./listed.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ s3: S3Client, s3control: S3ControlClient });

type BucketConfig = AssetOf<"aws.s3.bucket">["config"];
type Grant = BucketConfig["publicAclGrants"][number];

const GROUPS: Record<string, Grant["grantee"]> = {
  "http://acs.amazonaws.com/groups/global/AllUsers": "AllUsers",
  "http://acs.amazonaws.com/groups/global/AuthenticatedUsers": "AuthenticatedUsers",
};
const PERMISSIONS = new Set(["READ", "WRITE", "READ_ACP", "WRITE_ACP", "FULL_CONTROL"]);
const SSE = new Set(["AES256", "aws:kms", "aws:kms:dsse"]);

/**
 * Enabled rules of a `GetBucketLifecycleConfiguration` that was read: a general purpose bucket's
 * or a directory bucket's; none configured (`NoSuchLifecycleConfiguration`) is 0.
 */
export function enabledLifecycleRules(
  lifecycle: RawOutcome<Pick<GetBucketLifecycleConfigurationOutput, "Rules">>,
): number {
  return lifecycle.ok ? (lifecycle.value.Rules ?? []).filter((r) => r.Status === "Enabled").length : 0;
}

/** `GetBucketLocation` answers `null`/empty for us-east-1 and `EU` for the oldest eu-west-1 buckets. */
export function bucketRegionOf(location: string | null | undefined): string {
  if (location === undefined || location === null || location === "") return "us-east-1";
  return location === "EU" ? "eu-west-1" : location;
}

const NOT_LINKED = {
  call: "vigil:linkAssets",
  kind: "failed" as const,
  code: "NotLinked",
  message: "set from the account's public access block and the trails once every collector ran",
};

/** What S3 answered about one bucket, each read an outcome (a not-configured answer is a fact, a failure is not). */
export interface BucketReads {
  readonly encryption: RawOutcome<Pick<GetBucketEncryptionOutput, "ServerSideEncryptionConfiguration">>;
  readonly block: RawOutcome<Pick<GetPublicAccessBlockOutput, "PublicAccessBlockConfiguration">>;
  readonly versioning: RawOutcome<Pick<GetBucketVersioningOutput, "Status" | "MFADelete">>;
  readonly policy: RawOutcome<Pick<GetBucketPolicyOutput, "Policy">>;
  readonly acl: RawOutcome<Pick<GetBucketAclOutput, "Grants" | "Owner">>;
  readonly logging: RawOutcome<Pick<GetBucketLoggingOutput, "LoggingEnabled">>;
  readonly tagging: RawOutcome<Pick<GetBucketTaggingOutput, "TagSet">>;
  readonly lifecycle: RawOutcome<Pick<GetBucketLifecycleConfigurationOutput, "Rules">>;
}

/**
 * A bucket from its reads; `region` undefined when its location could not be read (then placed
 * under `global`). The account's block and object-level logging are left for `linkAssets`.
 */
export function bucketAsset(
  c: Pick<CollectContext, "accountId" | "partition">,
  name: string,
  region: string | undefined,
  reads: BucketReads,
): AssetOf<"aws.s3.bucket"> {
  const { encryption, block, versioning, policy, acl, logging, tagging, lifecycle } = reads;
  const unread = new UnreadFields();
  const config: Partial<BucketConfig> = {
    // Filled in by `linkAssets` from the account's public access block and the trails' selectors.
  };
  if (!unread.failed(encryption, "serverSideEncryption")) {
    const rule = encryption.ok ? encryption.value.ServerSideEncryptionConfiguration?.Rules?.[0] : undefined;
    const algorithm = rule?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm;
    let serverSideEncryption: BucketConfig["serverSideEncryption"] = null;
    if (algorithm !== undefined && SSE.has(algorithm)) {
      serverSideEncryption = { sseAlgorithm: algorithm as "AES256" | "aws:kms" | "aws:kms:dsse" };
      const keyId = rule?.ApplyServerSideEncryptionByDefault?.KMSMasterKeyID;
      if (keyId) serverSideEncryption.kmsMasterKeyId = keyId;
      if (rule?.BucketKeyEnabled !== undefined) serverSideEncryption.bucketKeyEnabled = rule.BucketKeyEnabled;
    }
    config.serverSideEncryption = serverSideEncryption;
  }
  if (!unread.failed(block, "publicAccessBlock")) {
    const pab = block.ok ? block.value.PublicAccessBlockConfiguration : undefined;
    config.publicAccessBlock = publicAccessBlockOf(pab);
  }
  if (!unread.failed(versioning, "versioning") && versioning.ok) {
    const v: { Status?: string; MFADelete?: string } = versioning.value;
    const status = v.Status === "Enabled" || v.Status === "Suspended" ? v.Status : "Disabled";
    config.versioning = { status, mfaDelete: v.MFADelete === "Enabled" ? "Enabled" : "Disabled" };
  }
  if (!unread.failed(policy, "policy")) {
    const policyText = policy.ok ? policy.value.Policy : undefined;
    config.policy = policyText === undefined ? null : analyzeBucketPolicy(policyText, c.accountId);
  }
  if (!unread.failed(acl, "publicAclGrants", "aclGrantsToOthers") && acl.ok) {
    const owner = acl.value.Owner?.ID;
    config.aclGrantsToOthers = (acl.value.Grants ?? []).filter(
      (g) => g.Grantee?.Type !== "CanonicalUser" || g.Grantee.ID !== owner,
    ).length;
    const grants: Grant[] = [];
    for (const g of acl.value.Grants ?? []) {
      const grantee = GROUPS[g.Grantee?.URI ?? ""];
      if (grantee !== undefined && g.Permission !== undefined && PERMISSIONS.has(g.Permission)) {
        grants.push({ grantee, permission: g.Permission as Grant["permission"] });
      }
    }
    config.publicAclGrants = grants;
  }
  if (!unread.failed(logging, "loggingEnabled") && logging.ok)
    config.loggingEnabled = logging.value.LoggingEnabled !== undefined;
  if (!unread.failed(lifecycle, "lifecycleRulesEnabled"))
    config.lifecycleRulesEnabled = enabledLifecycleRules(lifecycle);
  // Tags are not config: a bucket whose tags could not be read has none a mute could match.
  unread.failed(tagging, "tags");
  // Known only once the account's block and every trail are read: `linkAssets` fills them in.
  unread.markAs(NOT_LINKED, "accountPublicAccessBlock", "objectLevelLogging");
  return unread.attach({
    arn: `arn:${c.partition}:s3:::${name}`,
    type: "aws.s3.bucket",
    region: region ?? GLOBAL_REGION,
    accountId: c.accountId,
    name,
    tags: tagging.ok ? tagsOf(tagging.value.TagSet) : {},
    config: config as BucketConfig,
  });
}

async function collectBucket(c: CollectContext, bucket: Bucket): Promise<AssetOf<"aws.s3.bucket">> {
  const name = bucket.Name ?? "";
  const at = (command: string) => ({ scope: "global", service: "s3api", command, resource: name });
  let region = bucket.BucketRegion;
  if (region === undefined) {
    const location = await c.read.one(at("get-bucket-location"), () =>
      c.clients.s3.send(new GetBucketLocationCommand({ Bucket: name })),
    );
    if (location.ok) region = bucketRegionOf(location.value.LocationConstraint);
  }
  // Without its region the bucket is still read (the client follows S3's redirects) and kept,
  // placed under `global`: a failed read never makes an asset look gone.
  const s3 = c.clientsFor(region ?? c.region).s3;
  const [encryption, block, versioning, policy, acl, logging, tagging, lifecycle] = await Promise.all([
    c.read.one(at("get-bucket-encryption"), () => s3.send(new GetBucketEncryptionCommand({ Bucket: name }))),
    c.read.one(at("get-public-access-block"), () =>
      s3.send(new GetPublicAccessBlockCommand({ Bucket: name })),
    ),
    c.read.one(at("get-bucket-versioning"), () => s3.send(new GetBucketVersioningCommand({ Bucket: name }))),
    c.read.one(at("get-bucket-policy"), () => s3.send(new GetBucketPolicyCommand({ Bucket: name }))),
    c.read.one(at("get-bucket-acl"), () => s3.send(new GetBucketAclCommand({ Bucket: name }))),
    c.read.one(at("get-bucket-logging"), () => s3.send(new GetBucketLoggingCommand({ Bucket: name }))),
    c.read.one(at("get-bucket-tagging"), () => s3.send(new GetBucketTaggingCommand({ Bucket: name }))),
    c.read.one(at("get-bucket-lifecycle-configuration"), () =>
      s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: name })),
    ),
  ]);
  return bucketAsset(c, name, region, {
    encryption,
    block,
    versioning,
    policy,
    acl,
    logging,
    tagging,
    lifecycle,
  });
}

export const s3BucketsCollector: Collector = {
  id: "s3-buckets",
  scope: "global",
  resourceTypes: ["aws.s3.bucket"],
  async collect(c) {
    const list = await c.read.pages({ scope: "global", service: "s3api", command: "list-buckets" }, () =>
      paginateListBuckets({ client: c.clients.s3 }, {}),
    );
    if (!list.ok) return notListed(c, s3BucketsCollector);
    const assets = await mapLimit(list.value.Buckets ?? [], 8, (b) => collectBucket(c, b));
    return { assets };
  },
};

/** The account's S3 Block Public Access (`s3control GetPublicAccessBlock`; none configured is `null`). */
export function s3AccountSettingsAsset(
  c: Where,
  out: RawOutcome<{ PublicAccessBlockConfiguration?: PublicAccessBlockConfiguration | undefined }>,
): AssetOf<"aws.s3.account-settings"> {
  const unread = new UnreadFields();
  const config: Partial<AssetOf<"aws.s3.account-settings">["config"]> = {};
  if (!unread.failed(out, "publicAccessBlock")) {
    const pab = out.ok ? out.value.PublicAccessBlockConfiguration : undefined;
    config.publicAccessBlock = publicAccessBlockOf(pab);
  }
  return unread.attach({
    arn: c.accountId,
    type: "aws.s3.account-settings",
    region: GLOBAL_REGION,
    accountId: c.accountId,
    tags: {},
    name: "s3-account",
    config: config as AssetOf<"aws.s3.account-settings">["config"],
  });
}

export const s3AccountPublicAccessBlockCollector: Collector = {
  id: "s3-account-public-access-block",
  scope: "global",
  resourceTypes: ["aws.s3.account-settings"],
  async collect(c) {
    const out = await c.read.one(
      { scope: "global", service: "s3control", command: "get-public-access-block" },
      () => c.clients.s3control.send(new GetAccountPublicAccessBlockCommand({ AccountId: c.accountId })),
    );
    return { assets: [s3AccountSettingsAsset(c, out)] };
  },
};
