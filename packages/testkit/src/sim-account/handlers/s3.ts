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

/** Directory buckets (S3 Express One Zone) are named `<base>--<zone id>--x-s3`. */
const isDirectoryBucket = (name: string) => name.endsWith("--x-s3");

function bucketOf(call: Call): Output {
  const name = required(call.input, "Bucket", call.operation);
  // A directory bucket is answered by its region's endpoint only.
  const bucket = (
    isDirectoryBucket(name)
      ? readList(call, "list-directory-buckets", "Buckets")
      : readList(call, "list-buckets", "Buckets", { global: true })
  ).find((b) => b.Name === name);
  if (!bucket) throw apiError("NoSuchBucket", `The specified bucket does not exist: ${name}`);
  return bucket;
}

/**
 * Per-bucket reads and their snapshot command. What S3 answers for a setting never made (an error,
 * or an empty document for versioning and logging) is the AWS reads description's `absent`.
 */
const PER_BUCKET: Record<string, string> = {
  GetBucketEncryption: "get-bucket-encryption",
  GetPublicAccessBlock: "get-public-access-block",
  GetBucketPolicy: "get-bucket-policy",
  GetBucketTagging: "get-bucket-tagging",
  GetBucketVersioning: "get-bucket-versioning",
  GetBucketLogging: "get-bucket-logging",
  GetBucketAcl: "get-bucket-acl",
  GetBucketLifecycleConfiguration: "get-bucket-lifecycle-configuration",
};

/** Not a scan read (not described): served for tools that ask, as S3 answers it. */
const NO_POLICY_STATUS: WhenMissing = {
  error: "NoSuchBucketPolicy",
  message: "The bucket policy does not exist",
};

function perBucket(command: string, whenMissing?: WhenMissing): Handler {
  return (call) => {
    const name = String(bucketOf(call).Name);
    return read(call, command, { global: true, resource: name, ...(whenMissing ? { whenMissing } : {}) });
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

/** The region's directory buckets (`s3express-control.<region>`), 1,000 a page at most. */
const listDirectoryBuckets: Handler = (call) => {
  const { page, next } = paginate(readList(call, "list-directory-buckets", "Buckets"), {
    token: call.input.ContinuationToken,
    limit: call.input.MaxDirectoryBuckets,
    defaultLimit: 1000,
    maxLimit: 1000,
  });
  return { Buckets: page, ...(next ? { ContinuationToken: next } : {}) };
};

export const S3_HANDLERS: Record<string, Handler> = {
  ListBuckets: listBuckets,
  ListDirectoryBuckets: listDirectoryBuckets,
  GetBucketLocation: getBucketLocation,
  ...Object.fromEntries(Object.entries(PER_BUCKET).map(([op, command]) => [op, perBucket(command)])),
  GetBucketPolicyStatus: perBucket("get-bucket-policy-status", NO_POLICY_STATUS),
};
