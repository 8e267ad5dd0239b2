/**
 * The permission set Vigil asks for, as data. Discovery is read-only and listed action by action
 * (exactly what the collectors call; no `*FullAccess`, no `ReadOnlyAccess`). Every write or delete
 * is allowed only on resources tagged `Created By = Vigil`, and explicitly denied on anything else,
 * so a broader policy attached by mistake elsewhere cannot widen it.
 */
import { CREATED_BY_TAG_KEY, CREATED_BY_TAG_VALUE } from "../tags.ts";

export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: "Allow" | "Deny";
  readonly Action: readonly string[];
  readonly Resource: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

export interface PolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: readonly PolicyStatement[];
}

export interface NamedPolicy {
  readonly name: string;
  readonly description: string;
  readonly document: PolicyDocument;
}

/** The read-only calls the collectors make, by service. */
export const DISCOVERY_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  sts: ["GetCallerIdentity"],
  ec2: [
    "DescribeRegions",
    "DescribeInstances",
    "DescribeSecurityGroups",
    "DescribeVolumes",
    "DescribeSnapshots",
    "DescribeSnapshotAttribute",
    "DescribeVpcs",
    "DescribeFlowLogs",
    "DescribeNetworkAcls",
    "DescribeLaunchTemplates",
    "GetEbsEncryptionByDefault",
  ],
  s3: [
    "ListAllMyBuckets",
    "GetBucketLocation",
    "GetEncryptionConfiguration",
    "GetBucketPublicAccessBlock",
    "GetBucketVersioning",
    "GetBucketPolicy",
    "GetBucketPolicyStatus",
    "GetBucketAcl",
    "GetBucketLogging",
    "GetBucketTagging",
  ],
  rds: ["DescribeDBInstances", "DescribeDBSnapshots", "DescribeDBSnapshotAttributes"],
  iam: [
    "ListUsers",
    "ListAccessKeys",
    "ListMFADevices",
    "GetLoginProfile",
    "GetAccountPasswordPolicy",
    "GetAccountSummary",
    "ListRoles",
    "GenerateCredentialReport",
    "GetCredentialReport",
    "ListAttachedUserPolicies",
    "ListUserPolicies",
    "ListPolicies",
    "GetPolicyVersion",
    "ListEntitiesForPolicy",
    "ListVirtualMFADevices",
    "GetAccessKeyLastUsed",
  ],
  cloudtrail: ["DescribeTrails", "GetTrailStatus", "GetEventSelectors"],
  kms: ["ListKeys", "DescribeKey", "GetKeyRotationStatus"],
  logs: ["DescribeMetricFilters"],
  cloudwatch: ["DescribeAlarms"],
  lambda: ["ListFunctions"],
  eks: ["ListClusters", "DescribeCluster"],
  autoscaling: ["DescribeAutoScalingGroups"],
};

export function discoveryActions(): string[] {
  return Object.entries(DISCOVERY_ACTIONS).flatMap(([service, actions]) =>
    actions.map((a) => `${service}:${a}`),
  );
}

/** Destructive actions Vigil needs to clean up after itself (scanner instances, volumes, snapshots). */
export const CLEANUP_ACTIONS = [
  "ec2:DeleteVolume",
  "ec2:DeleteSnapshot",
  "ec2:TerminateInstances",
  "ec2:DetachVolume",
  "ec2:DeleteLaunchTemplate",
  "autoscaling:DeleteAutoScalingGroup",
  "autoscaling:UpdateAutoScalingGroup",
] as const;

/** Creating copies of customer volumes for EBS scanning; only with the Vigil tag on the request. */
export const EBS_CREATE_ACTIONS = ["ec2:CreateSnapshot", "ec2:CreateVolume"] as const;
export const EBS_ATTACH_ACTIONS = ["ec2:AttachVolume"] as const;

const RESOURCE_TAG = `aws:ResourceTag/${CREATED_BY_TAG_KEY}`;
const REQUEST_TAG = `aws:RequestTag/${CREATED_BY_TAG_KEY}`;
const taggedByVigil = { StringEquals: { [RESOURCE_TAG]: CREATED_BY_TAG_VALUE } };
// StringNotEquals also matches when the key is absent, so untagged resources are denied too.
const notTaggedByVigil = { StringNotEquals: { [RESOURCE_TAG]: CREATED_BY_TAG_VALUE } };

export function discoveryPolicy(): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: Object.entries(DISCOVERY_ACTIONS).map(([service, actions]) => ({
      Sid: `Discover${service.toUpperCase()}`,
      Effect: "Allow" as const,
      Action: actions.map((a) => `${service}:${a}`),
      // These are List/Describe/Get calls that either have no resource-level permissions or must
      // see every resource of the account to assess it.
      Resource: "*",
    })),
  };
}

export function cleanupPolicy(): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "CleanUpOnlyWhatVigilCreated",
        Effect: "Allow",
        Action: [...CLEANUP_ACTIONS],
        Resource: "*",
        Condition: taggedByVigil,
      },
      {
        Sid: "DenyCleanUpOfAnythingElse",
        Effect: "Deny",
        Action: [...CLEANUP_ACTIONS],
        Resource: "*",
        Condition: notTaggedByVigil,
      },
    ],
  };
}

export function ebsScanningPolicy(): PolicyDocument {
  const snapshots = "arn:aws:ec2:*::snapshot/*";
  const volumes = "arn:aws:ec2:*:*:volume/*";
  const instances = "arn:aws:ec2:*:*:instance/*";
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "SnapshotAnyVolumeIntoATaggedSnapshot",
        Effect: "Allow",
        Action: ["ec2:CreateSnapshot"],
        // The source volume is only read; the new snapshot must carry the tag.
        Resource: [volumes],
      },
      {
        Sid: "CreateOnlyTaggedSnapshotsAndVolumes",
        Effect: "Allow",
        Action: [...EBS_CREATE_ACTIONS],
        Resource: [snapshots, volumes],
        Condition: { StringEquals: { [REQUEST_TAG]: CREATED_BY_TAG_VALUE } },
      },
      {
        Sid: "TagOnlyWhileCreating",
        Effect: "Allow",
        Action: ["ec2:CreateTags"],
        Resource: [snapshots, volumes],
        Condition: { StringEquals: { "ec2:CreateAction": [...EBS_CREATE_ACTIONS.map((a) => a.slice(4))] } },
      },
      {
        Sid: "AttachOnlyVigilVolumesToVigilInstances",
        Effect: "Allow",
        Action: [...EBS_ATTACH_ACTIONS],
        Resource: [volumes, instances],
        Condition: taggedByVigil,
      },
      {
        Sid: "DenyAttachingAnythingElse",
        Effect: "Deny",
        Action: [...EBS_ATTACH_ACTIONS],
        Resource: [volumes, instances],
        Condition: notTaggedByVigil,
      },
      {
        Sid: "DenyCreatingUntaggedCopies",
        Effect: "Deny",
        Action: ["ec2:CreateVolume"],
        Resource: [volumes],
        Condition: { StringNotEquals: { [REQUEST_TAG]: CREATED_BY_TAG_VALUE } },
      },
      {
        Sid: "DenyCreatingUntaggedSnapshots",
        Effect: "Deny",
        Action: ["ec2:CreateSnapshot"],
        Resource: [snapshots],
        Condition: { StringNotEquals: { [REQUEST_TAG]: CREATED_BY_TAG_VALUE } },
      },
    ],
  };
}

export function permissionSet(): NamedPolicy[] {
  return [
    {
      name: "vigil-discovery",
      description: "Read-only calls the collectors make, action by action",
      document: discoveryPolicy(),
    },
    {
      name: "vigil-cleanup",
      description: "Deletes and updates, only on resources tagged Created By = Vigil",
      document: cleanupPolicy(),
    },
    {
      name: "vigil-ebs-scanning",
      description:
        "Snapshot/volume copies for EBS scanning, created tagged and attached only to Vigil's scanner",
      document: ebsScanningPolicy(),
    },
  ];
}

/** The document `vigil templates --permissions` prints and publishes as `permissions.json`. */
export function permissionSetDocument(version: string) {
  return {
    name: "vigil-permissions",
    version,
    tag: { key: CREATED_BY_TAG_KEY, value: CREATED_BY_TAG_VALUE },
    policies: permissionSet(),
  };
}
