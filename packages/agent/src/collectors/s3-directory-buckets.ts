import {
  type Bucket,
  GetBucketLifecycleConfigurationCommand,
  type GetBucketLifecycleConfigurationOutput,
  paginateListDirectoryBuckets,
  S3Client,
} from "@aws-sdk/client-s3";
import { type AssetOf, GLOBAL_REGION } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import { listedCollector, regionalAsset, type Where } from "./listed.ts";
import { enabledLifecycleRules } from "./s3.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ s3: S3Client });

/**
 * S3 Express One Zone directory buckets: a region's, from `ListDirectoryBuckets` on its
 * `s3express-control` endpoint, each with its lifecycle rules (`GetBucketLifecycleConfiguration`,
 * also a control-plane call there: no S3 Express session). Their own module, run in every scanned
 * region by the account shard, which loads S3's client and checks for the general purpose buckets
 * (this module imports that collector's module for the rule count: the same chunk, no extra load).
 */

/** A directory bucket as `ListDirectoryBuckets` lists it, with its lifecycle configuration. */
export function s3DirectoryBucketAsset(
  c: Where,
  bucket: Bucket,
  lifecycle: RawOutcome<Pick<GetBucketLifecycleConfigurationOutput, "Rules">>,
): AssetOf<"aws.s3.directory-bucket"> {
  const name = bucket.Name ?? "";
  const unread = new UnreadFields();
  const config: Partial<AssetOf<"aws.s3.directory-bucket">["config"]> = { bucketName: name };
  // No lifecycle configuration (`NoSuchLifecycleConfiguration`) is data: no rules.
  if (!unread.failed(lifecycle, "lifecycleRulesEnabled"))
    config.lifecycleRulesEnabled = enabledLifecycleRules(lifecycle);
  const arn = bucket.BucketArn ?? `arn:${c.partition}:s3express:${c.region}:${c.accountId}:bucket/${name}`;
  return regionalAsset(c, "aws.s3.directory-bucket", { arn, name }, config, unread);
}

export const s3DirectoryBucketsCollector = listedCollector({
  id: "s3-directory-buckets",
  type: "aws.s3.directory-bucket",
  service: "s3api",
  command: "list-directory-buckets",
  pages: (c) => paginateListDirectoryBuckets({ client: c.clients.s3, pageSize: 1000 }, {}),
  // AWS documents the listing as "all directory buckets owned by the sender", asked of a Regional
  // endpoint: each region keeps its own (by `BucketRegion`), so a bucket is never collected twice.
  items: (listing, c) =>
    listing.Buckets?.filter((b) => b.BucketRegion === undefined || b.BucketRegion === c.region),
  asset: async (c, bucket) => {
    const Bucket = bucket.Name ?? "";
    const lifecycle = await c.read.one(
      {
        scope: GLOBAL_REGION,
        service: "s3api",
        command: "get-bucket-lifecycle-configuration",
        resource: Bucket,
      },
      () => c.clients.s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket })),
    );
    return s3DirectoryBucketAsset(c, bucket, lifecycle);
  },
});
