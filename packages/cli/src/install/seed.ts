import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateVolumeCommand,
  EC2Client,
  RunInstancesCommand,
} from "@aws-sdk/client-ec2";
import {
  CreateAccessKeyCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  IAMClient,
} from "@aws-sdk/client-iam";
import { CreateKeyCommand, KMSClient } from "@aws-sdk/client-kms";
import {
  CreateBucketCommand,
  PutBucketEncryptionCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import type { EmulatedAccount } from "@vigil/testkit";

/**
 * The customer's account before Vigil arrives, in the emulated account: instances, a security group
 * open to the internet, an unencrypted volume, a well-kept and a neglected bucket, a user without
 * MFA, a key without rotation. What a scan should find there is known; what it reports is read from
 * the platform.
 */
export interface SeededAccount {
  readonly instances: number;
  readonly openSecurityGroup: string;
  readonly unencryptedVolume: string;
  readonly buckets: readonly string[];
  readonly users: readonly string[];
}

export async function seedCustomerAccount(
  account: EmulatedAccount,
  options: { instances: number } = { instances: 12 },
): Promise<SeededAccount> {
  const config = account.clientConfig();
  const ec2 = new EC2Client(config);
  const s3 = new S3Client(config);
  const iam = new IAMClient(config);
  const kms = new KMSClient(config);
  try {
    await ec2.send(
      new RunInstancesCommand({
        ImageId: "ami-12345678",
        InstanceType: "t3.micro",
        MinCount: options.instances,
        MaxCount: options.instances,
      }),
    );
    const group = await ec2.send(
      new CreateSecurityGroupCommand({
        GroupName: "legacy-admin",
        Description: "opened for a migration in 2019",
      }),
    );
    await ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: group.GroupId,
        IpPermissions: [22, 3389].map((port) => ({
          IpProtocol: "tcp",
          FromPort: port,
          ToPort: port,
          IpRanges: [{ CidrIp: "0.0.0.0/0" }],
        })),
      }),
    );
    const volume = await ec2.send(
      new CreateVolumeCommand({ AvailabilityZone: `${account.region}a`, Size: 20, Encrypted: false }),
    );
    await s3.send(new CreateBucketCommand({ Bucket: "acme-build-artifacts" }));
    await s3.send(new CreateBucketCommand({ Bucket: "acme-customer-exports" }));
    await s3.send(
      new PutBucketEncryptionCommand({
        Bucket: "acme-customer-exports",
        ServerSideEncryptionConfiguration: {
          Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms" } }],
        },
      }),
    );
    await s3.send(
      new PutBucketVersioningCommand({
        Bucket: "acme-customer-exports",
        VersioningConfiguration: { Status: "Enabled" },
      }),
    );
    await s3.send(
      new PutPublicAccessBlockCommand({
        Bucket: "acme-customer-exports",
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          IgnorePublicAcls: true,
          BlockPublicPolicy: true,
          RestrictPublicBuckets: true,
        },
      }),
    );
    await iam.send(new CreateUserCommand({ UserName: "deploy-bot" }));
    await iam.send(new CreateAccessKeyCommand({ UserName: "deploy-bot" }));
    await iam.send(new CreateUserCommand({ UserName: "alice" }));
    await iam.send(new CreateLoginProfileCommand({ UserName: "alice", Password: "Correct-Horse-9" }));
    await kms.send(new CreateKeyCommand({ Description: "payments" }));
    return {
      instances: options.instances,
      openSecurityGroup: group.GroupId as string,
      unencryptedVolume: volume.VolumeId as string,
      buckets: ["acme-build-artifacts", "acme-customer-exports"],
      users: ["deploy-bot", "alice"],
    };
  } finally {
    ec2.destroy();
    s3.destroy();
    iam.destroy();
    kms.destroy();
  }
}
