import { apiError } from "../errors.ts";
import {
  type Call,
  type Handler,
  type Output,
  paginate,
  read,
  readList,
  required,
  type WhenMissing,
} from "./context.ts";

const S3_NS = "http://s3.amazonaws.com/doc/2006-03-01/";

function bucketOf(call: Call): Output {
  const name = required(call.input, "Bucket", call.operation);
  const bucket = readList(call, "list-buckets", "Buckets", { global: true }).find((b) => b.Name === name);
  if (!bucket) throw apiError("NoSuchBucket", `The specified bucket does not exist: ${name}`);
  return bucket;
}

/** Per-bucket reads: the snapshot command, and what S3 answers when the setting was never made. */
const PER_BUCKET: Record<string, [string, (bucket: string) => WhenMissing]> = {
  GetBucketEncryption: [
    "get-bucket-encryption",
    () => ({
      error: "ServerSideEncryptionConfigurationNotFoundError",
      message: "The server side encryption configuration was not found",
    }),
  ],
  GetPublicAccessBlock: [
    "get-public-access-block",
    () => ({
      error: "NoSuchPublicAccessBlockConfiguration",
      message: "The public access block configuration was not found",
    }),
  ],
  GetBucketPolicy: [
    "get-bucket-policy",
    () => ({ error: "NoSuchBucketPolicy", message: "The bucket policy does not exist" }),
  ],
  GetBucketPolicyStatus: [
    "get-bucket-policy-status",
    () => ({ error: "NoSuchBucketPolicy", message: "The bucket policy does not exist" }),
  ],
  GetBucketTagging: [
    "get-bucket-tagging",
    () => ({ error: "NoSuchTagSet", message: "The TagSet does not exist" }),
  ],
  // Versioning and logging that were never configured answer with an empty document, not an error.
  GetBucketVersioning: ["get-bucket-versioning", () => ({ output: {} })],
  GetBucketLogging: ["get-bucket-logging", () => ({ output: {} })],
  GetBucketAcl: ["get-bucket-acl", () => "not-captured"],
};

function perBucket(operation: string): Handler {
  const [command, whenMissing] = PER_BUCKET[operation] as [string, (b: string) => WhenMissing];
  return (call) => {
    const name = String(bucketOf(call).Name);
    return read(call, command, { global: true, resource: name, whenMissing: whenMissing(name) });
  };
}

const listBuckets: Handler = (call) => {
  const file = read(call, "list-buckets", { global: true });
  const prefix = call.input.Prefix === undefined ? "" : String(call.input.Prefix);
  const region = call.input.BucketRegion;
  const buckets = ((file.Buckets as Output[] | undefined) ?? []).filter(
    (b) => String(b.Name).startsWith(prefix) && (region === undefined || b.BucketRegion === region),
  );
  const { page, next } = paginate(buckets, {
    token: call.input.ContinuationToken,
    limit: call.input.MaxBuckets,
    defaultLimit: Number.POSITIVE_INFINITY,
    maxLimit: 10000,
  });
  return {
    Buckets: page,
    ...(file.Owner ? { Owner: file.Owner } : {}),
    ...(next ? { ContinuationToken: next } : {}),
    ...(call.input.Prefix !== undefined ? { Prefix: prefix } : {}),
  };
};

/** S3 answers GetBucketLocation with a bare `<LocationConstraint>` element (empty for us-east-1). */
const getBucketLocation: Handler = (call) => {
  const bucket = bucketOf(call);
  const file = read(call, "get-bucket-location", {
    global: true,
    resource: String(bucket.Name),
    whenMissing: {
      output: {
        LocationConstraint: bucket.BucketRegion === "us-east-1" ? null : (bucket.BucketRegion ?? null),
      },
    },
  });
  const location = file.LocationConstraint;
  const body =
    typeof location === "string" && location !== ""
      ? `<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="${S3_NS}">${location}</LocationConstraint>`
      : `<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="${S3_NS}"/>`;
  return { raw: { body } };
};

export const S3_HANDLERS: Record<string, Handler> = {
  ListBuckets: listBuckets,
  GetBucketLocation: getBucketLocation,
  ...Object.fromEntries(Object.keys(PER_BUCKET).map((op) => [op, perBucket(op)])),
};
