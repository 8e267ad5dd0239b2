/**
 * The permission set Vigil asks for, as data. Discovery is read-only and listed action by action
 * (exactly what the collectors call; no `*FullAccess`, no `ReadOnlyAccess`). Every write or delete
 * is allowed only on resources tagged both `Created By = Vigil` and `Vigil Integration = <this
 * integration's id>`, and explicitly denied on anything else (untagged, created by someone else, or
 * by another Vigil integration in the same account), so a broader policy attached by mistake
 * elsewhere cannot widen it. Creating copies requires both tags on the request.
 */
import { CREATED_BY_TAG_KEY, CREATED_BY_TAG_VALUE, INTEGRATION_TAG_KEY } from "../tags.ts";

/**
 * The integration's id inside a policy: `{ Ref: "IntegrationId" }` in the templates; in the
 * published permission set (which no single integration owns) the placeholder below.
 */
export type IntegrationIdValue = string | { readonly Ref: string };

/** Stands for the integration id in `permissions.json`: replace it with the id the stack was created with. */
export const INTEGRATION_ID_PLACEHOLDER = "<IntegrationId>";

export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: "Allow" | "Deny";
  readonly Action: readonly string[];
  readonly Resource: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
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
    "DescribeVpcEndpoints",
    "DescribeNetworkAcls",
    "DescribeSubnets",
    "DescribeRouteTables",
    "DescribeVpnConnections",
    "DescribeTransitGateways",
    "DescribeClientVpnEndpoints",
    "DescribeNetworkInterfaces",
    "DescribeSpotFleetRequests",
    "DescribeLaunchTemplates",
    "DescribeLaunchTemplateVersions",
    "GetEbsEncryptionByDefault",
    "DescribeVpcBlockPublicAccessOptions",
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
    "GetLifecycleConfiguration",
    "GetAccountPublicAccessBlock",
    // S3 access points (a region's, and their Block Public Access) and Multi-Region Access Points.
    "ListAccessPoints",
    "GetAccessPoint",
    "ListMultiRegionAccessPoints",
  ],
  // S3 Express One Zone directory buckets: listed per region, their lifecycle rules.
  s3express: ["ListAllMyDirectoryBuckets", "GetLifecycleConfiguration"],
  rds: [
    "DescribeDBInstances",
    "DescribeDBSnapshots",
    "DescribeDBSnapshotAttributes",
    "DescribeEventSubscriptions",
    "DescribeDBProxies",
    // Parameter groups' values (DB instances; DocumentDB, Neptune and RDS clusters).
    "DescribeDBParameters",
    "DescribeDBClusterParameters",
    // DocumentDB, Neptune and RDS clusters, and DocumentDB and Neptune cluster snapshots.
    "DescribeDBClusters",
    "DescribeDBClusterSnapshots",
    "DescribeDBClusterSnapshotAttributes",
  ],
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
    // Inline policies' documents (KMS.2).
    "GetUserPolicy",
    "ListRolePolicies",
    "GetRolePolicy",
    "ListPolicies",
    "GetPolicyVersion",
    "ListEntitiesForPolicy",
    "ListVirtualMFADevices",
    "GetAccessKeyLastUsed",
    "ListGroupsForUser",
    "ListAttachedRolePolicies",
    "ListServerCertificates",
  ],
  cloudtrail: ["DescribeTrails", "GetTrailStatus", "GetEventSelectors"],
  kms: ["ListKeys", "DescribeKey", "GetKeyRotationStatus", "GetKeyPolicy"],
  logs: ["DescribeMetricFilters"],
  cloudwatch: ["DescribeAlarms"],
  lambda: ["ListFunctions", "GetPolicy"],
  eks: ["ListClusters", "DescribeCluster"],
  autoscaling: ["DescribeAutoScalingGroups", "DescribeLaunchConfigurations"],
  "access-analyzer": ["ListAnalyzers"],
  config: ["DescribeConfigurationRecorders", "DescribeConfigurationRecorderStatus"],
  securityhub: ["DescribeHub"],
  elasticfilesystem: [
    "DescribeFileSystems",
    "DescribeBackupPolicy",
    "DescribeAccessPoints",
    "DescribeMountTargets",
  ],
  // Both Elastic Load Balancing APIs (elbv2 and the classic elb) authorise under one prefix.
  elasticloadbalancing: [
    "DescribeLoadBalancers",
    "DescribeListeners",
    "DescribeLoadBalancerAttributes",
    "DescribeLoadBalancerPolicies",
  ],
  cloudfront: ["ListDistributions", "GetDistributionConfig"],
  // API Gateway authorises every read (REST APIs, stages, HTTP/WebSocket APIs, routes) as GET.
  apigateway: ["GET"],
  acm: ["ListCertificates", "DescribeCertificate"],
  wafv2: ["ListWebACLs", "GetWebACL", "GetLoggingConfiguration"],
  dynamodb: ["ListTables", "DescribeTable", "DescribeContinuousBackups"],
  // DynamoDB's scalable targets (DynamoDB.1), read only when a table is provisioned.
  "application-autoscaling": ["DescribeScalableTargets"],
  sqs: ["ListQueues", "GetQueueAttributes"],
  sns: ["ListTopics", "GetTopicAttributes"],
  secretsmanager: ["ListSecrets"],
  ecr: [
    "DescribeRepositories",
    "GetRegistryScanningConfiguration",
    "GetLifecyclePolicy",
    "GetRepositoryPolicy",
  ],
  ecs: [
    "ListTaskDefinitionFamilies",
    "DescribeTaskDefinition",
    "ListClusters",
    "DescribeClusters",
    "ListServices",
    "DescribeServices",
  ],
  elasticache: ["DescribeReplicationGroups", "DescribeCacheClusters"],
  redshift: ["DescribeClusters", "DescribeLoggingStatus", "DescribeClusterParameters"],
  dms: ["DescribeReplicationInstances", "DescribeEndpoints", "DescribeReplicationTasks"],
  // OpenSearch Service authorizes its API under its former name, Elasticsearch Service.
  es: ["ListDomainNames", "DescribeDomain"],
  kafka: ["ListClustersV2"],
  kafkaconnect: ["ListConnectors"],
  dax: ["DescribeClusters"],
  kinesis: ["ListStreams", "DescribeStreamSummary"],
  guardduty: ["ListDetectors", "GetDetector"],
  inspector2: ["BatchGetAccountStatus"],
  macie2: ["GetMacieSession", "GetAutomatedDiscoveryConfiguration"],
  backup: [
    "ListBackupVaults",
    "ListRecoveryPointsByBackupVault",
    "ListBackupPlans",
    "ListReportPlans",
    // Which plans select a file system (EFS.2).
    "ListBackupSelections",
    "GetBackupSelection",
  ],
  organizations: ["DescribeOrganization"],
  codebuild: ["ListProjects", "BatchGetProjects", "ListReportGroups", "BatchGetReportGroups"],
  states: ["ListStateMachines", "DescribeStateMachine"],
  elasticbeanstalk: ["DescribeEnvironments", "DescribeConfigurationSettings"],
  ssm: [
    "DescribeInstanceInformation",
    "ListResourceComplianceSummaries",
    "ListDocuments",
    "DescribeDocumentPermission",
    "GetServiceSetting",
  ],
  sagemaker: [
    "ListNotebookInstances",
    "DescribeNotebookInstance",
    "ListEndpointConfigs",
    "DescribeEndpointConfig",
    "ListModels",
    "DescribeModel",
  ],
  "network-firewall": [
    "ListFirewalls",
    "DescribeFirewall",
    "DescribeLoggingConfiguration",
    "ListFirewallPolicies",
    "DescribeFirewallPolicy",
    "ListRuleGroups",
    "DescribeRuleGroup",
  ],
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
/** What EC2 does with an encrypted volume's key when the agent copies and attaches it. */
export const EBS_KMS_ACTIONS = [
  "kms:Decrypt",
  "kms:DescribeKey",
  "kms:GenerateDataKeyWithoutPlaintext",
  "kms:ReEncryptFrom",
  "kms:ReEncryptTo",
] as const;

const RESOURCE_CREATED_BY = `aws:ResourceTag/${CREATED_BY_TAG_KEY}`;
const RESOURCE_INTEGRATION = `aws:ResourceTag/${INTEGRATION_TAG_KEY}`;
const REQUEST_CREATED_BY = `aws:RequestTag/${CREATED_BY_TAG_KEY}`;
const REQUEST_INTEGRATION = `aws:RequestTag/${INTEGRATION_TAG_KEY}`;

/** Both tags on the resource (keys in one operator block are ANDed). */
function taggedByThisIntegration(integrationId: IntegrationIdValue) {
  return {
    StringEquals: { [RESOURCE_CREATED_BY]: CREATED_BY_TAG_VALUE, [RESOURCE_INTEGRATION]: integrationId },
  };
}

/** Both tags on the request that creates the resource. */
function requestTaggedForThisIntegration(integrationId: IntegrationIdValue) {
  return {
    StringEquals: { [REQUEST_CREATED_BY]: CREATED_BY_TAG_VALUE, [REQUEST_INTEGRATION]: integrationId },
  };
}

/**
 * The Deny statements that go with an Allow on both tags: one per tag, since a statement's
 * conditions are ANDed and either tag being wrong must deny. StringNotEquals also matches when the
 * key is absent, so untagged resources (and requests without the tag) are denied too.
 */
function denyUnlessBothTags(
  sid: string,
  actions: readonly string[],
  resource: string | readonly string[],
  integrationId: IntegrationIdValue,
  on: "ResourceTag" | "RequestTag",
): PolicyStatement[] {
  const [createdBy, integration] =
    on === "ResourceTag"
      ? [RESOURCE_CREATED_BY, RESOURCE_INTEGRATION]
      : [REQUEST_CREATED_BY, REQUEST_INTEGRATION];
  return [
    {
      Sid: `${sid}NotCreatedByVigil`,
      Effect: "Deny",
      Action: [...actions],
      Resource: resource,
      Condition: { StringNotEquals: { [createdBy]: CREATED_BY_TAG_VALUE } },
    },
    {
      Sid: `${sid}OfAnotherIntegration`,
      Effect: "Deny",
      Action: [...actions],
      Resource: resource,
      Condition: { StringNotEquals: { [integration]: integrationId } },
    },
  ];
}

/**
 * IAM's limit on a customer managed policy document (characters, whitespace not counted). The
 * discovery actions outgrew the role's 10,240-character inline aggregate, so they ship as managed
 * policies of the stack's own (never AWS's `ReadOnlyAccess`), each within this limit.
 */
export const MANAGED_POLICY_MAX_CHARACTERS = 6_144;

/** A managed policy's size as IAM counts it. */
export function policySize(document: unknown): number {
  return JSON.stringify(document).replace(/\s/g, "").length;
}

function discoveryDocument(sid: string, actions: readonly string[]): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: sid,
        Effect: "Allow" as const,
        Action: [...actions],
        // These are List/Describe/Get calls that either have no resource-level permissions or must
        // see every resource of the account to assess it.
        Resource: "*",
      },
    ],
  };
}

/** Every discovery action in one document: what `discoveryPolicies()` splits. */
export function discoveryPolicy(): PolicyDocument {
  return discoveryDocument("DiscoverReadOnly", discoveryActions());
}

/**
 * The discovery actions as managed-policy documents, each within `MANAGED_POLICY_MAX_CHARACTERS`,
 * a service's actions never split across two, in `DISCOVERY_ACTIONS` order (so adding a service
 * changes only the last document).
 */
export function discoveryPolicies(limit = MANAGED_POLICY_MAX_CHARACTERS): PolicyDocument[] {
  const parts: string[][] = [[]];
  const sid = (i: number) => `DiscoverReadOnly${i + 1}`;
  for (const [service, actions] of Object.entries(DISCOVERY_ACTIONS)) {
    const named = actions.map((a) => `${service}:${a}`);
    const last = parts[parts.length - 1] as string[];
    if (policySize(discoveryDocument(sid(parts.length - 1), [...last, ...named])) <= limit)
      last.push(...named);
    else if (policySize(discoveryDocument(sid(parts.length), named)) <= limit) parts.push(named);
    else
      throw new Error(`the ${service} discovery actions alone exceed a managed policy's ${limit} characters`);
  }
  return parts.map((actions, i) => discoveryDocument(sid(i), actions));
}

export function cleanupPolicy(
  integrationId: IntegrationIdValue = INTEGRATION_ID_PLACEHOLDER,
): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "CleanUpOnlyWhatThisIntegrationCreated",
        Effect: "Allow",
        Action: [...CLEANUP_ACTIONS],
        Resource: "*",
        Condition: taggedByThisIntegration(integrationId),
      },
      ...denyUnlessBothTags("DenyCleanUp", CLEANUP_ACTIONS, "*", integrationId, "ResourceTag"),
    ],
  };
}

export function ebsScanningPolicy(
  integrationId: IntegrationIdValue = INTEGRATION_ID_PLACEHOLDER,
): PolicyDocument {
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
        // The source volume is only read; the new snapshot must carry the tags.
        Resource: [volumes],
      },
      {
        Sid: "CreateOnlyTaggedSnapshotsAndVolumes",
        Effect: "Allow",
        Action: [...EBS_CREATE_ACTIONS],
        Resource: [snapshots, volumes],
        Condition: requestTaggedForThisIntegration(integrationId),
      },
      {
        Sid: "TagOnlyWhileCreating",
        Effect: "Allow",
        Action: ["ec2:CreateTags"],
        Resource: [snapshots, volumes],
        Condition: { StringEquals: { "ec2:CreateAction": [...EBS_CREATE_ACTIONS.map((a) => a.slice(4))] } },
      },
      {
        // Copies of encrypted volumes: EC2 uses the volume's KMS key on the agent's behalf. Only
        // through EC2, and grants only for AWS resources; a key whose policy does not allow the
        // account's IAM principals is reported as not scanned (kms-key-unusable), never bypassed.
        Sid: "UseKeysOfEncryptedVolumesThroughEc2",
        Effect: "Allow",
        Action: [...EBS_KMS_ACTIONS],
        Resource: "*",
        Condition: { StringLike: { "kms:ViaService": "ec2.*.amazonaws.com" } },
      },
      {
        Sid: "GrantEc2TheKeysOfEncryptedCopies",
        Effect: "Allow",
        Action: ["kms:CreateGrant"],
        Resource: "*",
        Condition: {
          Bool: { "kms:GrantIsForAWSResource": "true" },
          StringLike: { "kms:ViaService": "ec2.*.amazonaws.com" },
        },
      },
      {
        Sid: "AttachOnlyOwnVolumesToOwnInstances",
        Effect: "Allow",
        Action: [...EBS_ATTACH_ACTIONS],
        Resource: [volumes, instances],
        Condition: taggedByThisIntegration(integrationId),
      },
      ...denyUnlessBothTags(
        "DenyAttaching",
        EBS_ATTACH_ACTIONS,
        [volumes, instances],
        integrationId,
        "ResourceTag",
      ),
      ...denyUnlessBothTags(
        "DenyCreatingVolumes",
        ["ec2:CreateVolume"],
        [volumes],
        integrationId,
        "RequestTag",
      ),
      ...denyUnlessBothTags(
        "DenyCreatingSnapshots",
        ["ec2:CreateSnapshot"],
        [snapshots],
        integrationId,
        "RequestTag",
      ),
    ],
  };
}

export function permissionSet(integrationId: IntegrationIdValue = INTEGRATION_ID_PLACEHOLDER): NamedPolicy[] {
  return [
    ...discoveryPolicies().map((document, i) => ({
      name: i === 0 ? "vigil-discovery" : `vigil-discovery-${i + 1}`,
      description: "Read-only calls the collectors make, action by action (split to fit a managed policy)",
      document,
    })),
    {
      name: "vigil-cleanup",
      description: `Deletes and updates, only on resources tagged ${CREATED_BY_TAG_KEY} = ${CREATED_BY_TAG_VALUE} and ${INTEGRATION_TAG_KEY} = the integration's id`,
      document: cleanupPolicy(integrationId),
    },
    {
      name: "vigil-ebs-scanning",
      description:
        "Snapshot/volume copies for EBS scanning, created with both tags and attached only to the integration's own scanner",
      document: ebsScanningPolicy(integrationId),
    },
  ];
}

/**
 * The document `vigil templates --permissions` prints and publishes as `permissions.json`. The
 * policies hold `<IntegrationId>` where the stack puts its `IntegrationId` parameter.
 */
export function permissionSetDocument(version: string) {
  return {
    name: "vigil-permissions",
    version,
    tag: { key: CREATED_BY_TAG_KEY, value: CREATED_BY_TAG_VALUE },
    integrationTag: { key: INTEGRATION_TAG_KEY, value: INTEGRATION_ID_PLACEHOLDER },
    placeholders: {
      [INTEGRATION_ID_PLACEHOLDER]: "the IntegrationId the Vigil stack was created with",
    },
    policies: permissionSet(),
  };
}
