import type { ServiceGenerationOptions } from "./generate-services.ts";

type Json = Record<string, unknown>;
type Put = (key: string, value: unknown) => void;

const listOf = (o: ServiceGenerationOptions, key: string, member: string): Json[] =>
  ((o.files.get(key) as Record<string, Json[] | undefined> | undefined)?.[member] ?? []) as Json[];
const document = (statements: Json[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });

/**
 * Per customer managed key (not pending deletion): its key policy, KMS's default one, or at `rate`
 * one that also lets any AWS principal decrypt. AWS managed keys get none: Vigil does not read them.
 */
export function generateKeyPolicies(put: Put, o: ServiceGenerationOptions): void {
  const { rng, accountId } = o;
  for (const region of o.regions) {
    for (const k of listOf(o, `${region}/kms/list-keys`, "Keys")) {
      const keyId = String(k.KeyId);
      const meta = (o.files.get(`${region}/kms/describe-key/${keyId}`) as { KeyMetadata?: Json } | undefined)
        ?.KeyMetadata;
      if (meta?.KeyManager !== "CUSTOMER" || meta.KeyState === "PendingDeletion") continue;
      const statements: Json[] = [
        {
          Sid: "Enable IAM User Permissions",
          Effect: "Allow",
          Principal: { AWS: `arn:aws:iam::${accountId}:root` },
          Action: "kms:*",
          Resource: "*",
        },
      ];
      if (rng.chance(o.rate))
        statements.push({
          Sid: "AllowDecryptFromAnywhere",
          Effect: "Allow",
          Principal: { AWS: "*" },
          Action: ["kms:Decrypt", "kms:DescribeKey"],
          Resource: "*",
        });
      put(`${region}/kms/get-key-policy/${keyId}`, { Policy: document(statements) });
    }
  }
}

/**
 * Per function, half of them: a resource-based policy letting one bucket's notifications invoke it,
 * or at `rate` a public function URL (`AuthType NONE`). The others have none (AWS's not-found error).
 */
export function generateFunctionPolicies(put: Put, o: ServiceGenerationOptions): void {
  const { rng, accountId } = o;
  for (const region of o.regions) {
    for (const f of listOf(o, `${region}/lambda/list-functions`, "Functions")) {
      const name = String(f.FunctionName);
      const arn = String(f.FunctionArn);
      const statement = rng.chance(o.rate)
        ? {
            Sid: "FunctionURLAllowPublicAccess",
            Effect: "Allow",
            Principal: "*",
            Action: "lambda:InvokeFunctionUrl",
            Resource: arn,
            Condition: { StringEquals: { "lambda:FunctionUrlAuthType": "NONE" } },
          }
        : rng.chance(0.5)
          ? {
              Sid: "s3-notifications",
              Effect: "Allow",
              Principal: { Service: "s3.amazonaws.com" },
              Action: "lambda:InvokeFunction",
              Resource: arn,
              Condition: {
                StringEquals: { "AWS:SourceAccount": accountId },
                ArnLike: { "AWS:SourceArn": `arn:aws:s3:::sim-${accountId}-uploads` },
              },
            }
          : undefined;
      if (statement === undefined) continue;
      put(`${region}/lambda/get-policy/${name}`, {
        Policy: JSON.stringify({ Version: "2012-10-17", Id: "default", Statement: [statement] }),
        RevisionId: `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`,
      });
    }
  }
}

/** Per bucket: a lifecycle configuration (expire noncurrent versions, abort stale uploads), none at `rate`. */
export function generateBucketLifecycles(put: Put, o: ServiceGenerationOptions): void {
  const { rng } = o;
  for (const b of listOf(o, "global/s3api/list-buckets", "Buckets")) {
    if (rng.chance(o.rate)) continue;
    put(`global/s3api/get-bucket-lifecycle-configuration/${String(b.Name)}`, {
      Rules: [
        {
          ID: "expire-noncurrent-versions",
          Filter: { Prefix: "" },
          Status: "Enabled",
          NoncurrentVersionExpiration: { NoncurrentDays: rng.pick([30, 90, 365]) },
          AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
        },
      ],
    });
  }
}

/**
 * Per file system, an access point for its application: rooted at `/app/<name>` as the uid/gid 1000
 * user; at `rate` rooted at `/` (the whole file system), and at `rate` without a POSIX user.
 */
export function generateEfsAccessPoints(put: Put, o: ServiceGenerationOptions): void {
  const { rng, accountId } = o;
  for (const region of o.regions) {
    const fileSystems = listOf(o, `${region}/efs/describe-file-systems`, "FileSystems");
    const points = fileSystems.map((f, i) => {
      const id = `fsap-0${rng.hex(16)}`;
      const name = `sim-app-${i}`;
      const wholeFileSystem = rng.chance(o.rate);
      const anyUser = rng.chance(o.rate);
      return {
        ClientToken: `sim-${rng.hex(8)}`,
        Name: name,
        Tags: [{ Key: "Name", Value: name }],
        AccessPointId: id,
        AccessPointArn: `arn:aws:elasticfilesystem:${region}:${accountId}:access-point/${id}`,
        FileSystemId: f.FileSystemId,
        ...(anyUser ? {} : { PosixUser: { Uid: 1000, Gid: 1000 } }),
        RootDirectory: wholeFileSystem
          ? { Path: "/" }
          : {
              Path: `/app/${name}`,
              CreationInfo: { OwnerUid: 1000, OwnerGid: 1000, Permissions: "750" },
            },
        OwnerId: accountId,
        LifeCycleState: "available",
      };
    });
    put(`${region}/efs/describe-access-points`, { AccessPoints: points });
  }
}

/** Per file system: automatic backups on (`ENABLED`), or at `rate` off (`DISABLED`, or no policy: AWS's error). */
export function generateFileSystemBackups(put: Put, o: ServiceGenerationOptions): void {
  const { rng } = o;
  for (const region of o.regions) {
    for (const f of listOf(o, `${region}/efs/describe-file-systems`, "FileSystems")) {
      const off = rng.chance(o.rate);
      if (off && rng.chance(0.5)) continue;
      put(`${region}/efs/describe-backup-policy/${String(f.FileSystemId)}`, {
        BackupPolicy: { Status: off ? "DISABLED" : "ENABLED" },
      });
    }
  }
}
