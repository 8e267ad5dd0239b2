import type { Bucket, GetBucketLifecycleConfigurationOutput } from "@aws-sdk/client-s3";
import { s3DirectoryBucketAsset } from "../../collectors/index.ts";
import { ACCOUNT, REGION } from "./aws.ts";

const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };

/** `ListDirectoryBuckets` `Buckets[]` member. */
const BUCKET: Bucket = {
  Name: "ml-scratch--use1-az4--x-s3",
  CreationDate: new Date("2026-03-02T09:00:00Z"),
  BucketRegion: REGION,
};

/** A directory bucket whose `GetBucketLifecycleConfiguration` answered `lifecycle` (none: `NoSuchLifecycleConfiguration`). */
export const directoryBucket = (lifecycle?: Pick<GetBucketLifecycleConfigurationOutput, "Rules">) =>
  s3DirectoryBucketAsset(
    WHERE,
    BUCKET,
    lifecycle === undefined
      ? {
          ok: false,
          kind: "not-configured",
          code: "NoSuchLifecycleConfiguration",
          message: "The lifecycle configuration does not exist",
          call: "s3:GetBucketLifecycleConfiguration",
        }
      : { ok: true, value: lifecycle },
  );

/** Directory buckets take expiration and incomplete multipart upload rules, with a prefix filter or none. */
export const EXPIRE_SCRATCH = {
  ID: "expire-scratch",
  Status: "Enabled" as const,
  Filter: { Prefix: "tmp/" },
  Expiration: { Days: 7 },
  AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
};
