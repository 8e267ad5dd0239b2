/**
 * Every AWS read a scan makes, described once: the AWS CLI service and command that name it, where
 * its answer lives in an account snapshot, whether its pages are merged (and on which member), what
 * it is read per (user, bucket, key, …), and what AWS answers when nothing is configured.
 *
 * This one description drives the agent's reader (a call not described here, or read against its
 * description, is a bug its tests catch; "not configured" errors come from here), `vigil snapshot`
 * (the paths it writes), the snapshot layout in docs/snapshot-format.md (generated from it) and the
 * simulated account (what a missing per-resource file stands for; every read here is served).
 */

/** What AWS answers for a resource with nothing configured; a missing per-resource file stands for it. */
export type AbsentAnswer =
  | {
      /** AWS's error code, e.g. `NoSuchBucketPolicy`. */
      readonly error: string;
      /** AWS's message; `{name}` is the resource's name. */
      readonly message: string;
    }
  | {
      /** An answer with nothing in it (S3 versioning never enabled, an IAM user with no keys). */
      readonly output: Readonly<Record<string, unknown>>;
    };

export interface ReadSpec {
  /** `regional` (default): `<region>/…` in every region; `global`: `global/…`; `both`: either. */
  readonly scope?: "regional" | "global" | "both";
  /** Per-resource reads: what the file is named by (`user name`, `bucket`, …). */
  readonly resource?: string;
  /** Paginated: the member(s) whose pages are merged into one answer, as the AWS CLI does. */
  readonly pages?: string | readonly string[];
  /** Per resource: AWS's answer when nothing is configured (a missing file means it). */
  readonly absent?: AbsentAnswer;
  /**
   * Error codes meaning "nothing is configured" for an account-wide read (its snapshot file keeps
   * the error). Per-resource reads take `absent.error`.
   */
  readonly notConfigured?: readonly string[];
  /** Where the code also means denied: "not configured" only when the message matches. */
  readonly notConfiguredMessage?: RegExp;
  /** Arguments the read is made with, as the AWS CLI spells them. */
  readonly args?: string;
  readonly note?: string;
}

export interface AwsRead extends ReadSpec {
  /** AWS CLI service name: `ec2`, `s3api`, `configservice`, … */
  readonly service: string;
  /** AWS CLI command: `describe-instances`, … */
  readonly command: string;
  readonly scope: "regional" | "global" | "both";
}

const G = "global" as const;
const NO_BUCKET_POLICY = { error: "NoSuchBucketPolicy", message: "The bucket policy does not exist" };
const NOTHING_ATTACHED = { output: { AttachedPolicies: [] } };

/** `service → command → spec`: the reads of a scan, by the AWS CLI's names. */
const READS: Readonly<Record<string, Readonly<Record<string, ReadSpec>>>> = {
  accessanalyzer: {
    "list-analyzers": { pages: "analyzers" },
  },
  acm: {
    "list-certificates": {
      pages: "CertificateSummaryList",
      args: "--includes keyTypes=<every key type>",
    },
    "describe-certificate": { resource: "certificate id", note: "the id is the ARN's last part" },
  },
  apigateway: {
    "get-rest-apis": { pages: "items" },
    "get-stages": { resource: "api id" },
  },
  apigatewayv2: {
    "get-apis": { pages: "Items" },
    "get-routes": { resource: "api id", pages: "Items" },
    "get-stages": { resource: "api id", pages: "Items" },
  },
  "application-autoscaling": {
    "describe-scalable-targets": {
      pages: "ScalableTargets",
      note: "`--service-namespace dynamodb`: the auto scaling of DynamoDB tables' and indexes' provisioned capacity; read only when a table is provisioned",
    },
  },
  autoscaling: {
    "describe-auto-scaling-groups": { pages: "AutoScalingGroups" },
    "describe-launch-configurations": { pages: "LaunchConfigurations" },
  },
  backup: {
    "list-backup-vaults": { pages: "BackupVaultList" },
    "list-backup-plans": { pages: "BackupPlansList" },
    "list-report-plans": { pages: "ReportPlans" },
    "list-backup-selections": {
      resource: "backup plan id",
      pages: "BackupSelectionsList",
      note: "every listed plan's, read when the region has a file system",
    },
    "get-backup-selection": {
      resource: "backup plan id/selection id, URL-encoded",
      note: "each listed resource assignment",
    },
    "list-recovery-points-by-backup-vault": {
      resource: "vault name",
      pages: "RecoveryPoints",
      note: "every listed vault, an empty one too",
    },
  },
  cloudfront: {
    "list-distributions": {
      scope: G,
      pages: "DistributionList.Items",
      note: "pages merged inside `DistributionList` (its `Marker` kept, as the model requires)",
    },
    "get-distribution-config": { scope: G, resource: "distribution id" },
  },
  cloudtrail: {
    "describe-trails": { note: "includes shadow trails: a multi-region trail appears in every region" },
    "get-trail-status": { resource: "trail name", note: "in the trail's home region" },
    "get-event-selectors": { resource: "trail name", note: "in the trail's home region" },
  },
  cloudwatch: {
    "describe-alarms": { pages: ["MetricAlarms", "CompositeAlarms"] },
  },
  codebuild: {
    "list-projects": { pages: "projects" },
    "list-report-groups": { pages: "reportGroups" },
    "batch-get-projects": { resource: "project name", args: "--names <name>", note: "one project a call" },
    "batch-get-report-groups": {
      resource: "report group name",
      args: "--report-group-arns <arn>",
      note: "one report group a call",
    },
  },
  configservice: {
    "describe-configuration-recorders": {},
    "describe-configuration-recorder-status": {},
  },
  dms: {
    "describe-replication-instances": { pages: "ReplicationInstances" },
    "describe-endpoints": { pages: "Endpoints" },
    "describe-replication-tasks": {
      pages: "ReplicationTasks",
      note: "tasks with their `ReplicationTaskSettings`",
    },
  },
  dynamodb: {
    "list-tables": { pages: "TableNames" },
    "describe-table": { resource: "table name" },
    "describe-continuous-backups": { resource: "table name" },
  },
  ec2: {
    "describe-vpcs": { pages: "Vpcs" },
    "describe-vpc-endpoints": { pages: "VpcEndpoints" },
    "describe-network-acls": { pages: "NetworkAcls" },
    "describe-subnets": { pages: "Subnets" },
    "describe-route-tables": {
      pages: "RouteTables",
      note: "read only when an RDS instance has a DB subnet group",
    },
    "describe-vpn-connections": { note: "every Site-to-Site VPN connection at once (no pagination)" },
    "describe-transit-gateways": { pages: "TransitGateways" },
    "describe-client-vpn-endpoints": { pages: "ClientVpnEndpoints" },
    "describe-network-interfaces": { pages: "NetworkInterfaces" },
    "describe-spot-fleet-requests": { pages: "SpotFleetRequestConfigs" },
    "describe-security-groups": { pages: "SecurityGroups" },
    "describe-instances": { pages: "Reservations" },
    "describe-volumes": { pages: "Volumes" },
    "describe-snapshots": { pages: "Snapshots", args: "--owner-ids self" },
    "describe-snapshot-attribute": {
      resource: "snapshot id",
      args: "--attribute createVolumePermission",
      absent: { output: { CreateVolumePermissions: [] } },
    },
    "describe-flow-logs": { pages: "FlowLogs" },
    "get-ebs-encryption-by-default": {},
    "describe-vpc-block-public-access-options": {},
    "describe-launch-templates": { pages: "LaunchTemplates" },
    "describe-launch-template-versions": {
      resource: "launch template id",
      args: "--versions '$Default'",
      note: "one version, the default",
    },
  },
  ecr: {
    "describe-repositories": { pages: "repositories" },
    "get-registry-scanning-configuration": {},
    "get-lifecycle-policy": {
      resource: "repository name, URL-encoded",
      absent: {
        error: "LifecyclePolicyNotFoundException",
        message:
          "Lifecycle policy does not exist for the repository with name '{name}' in the registry with id",
      },
      note: "`team%2Fapi`: a resource key is one path segment",
    },
    "get-repository-policy": {
      resource: "repository name, URL-encoded",
      absent: {
        error: "RepositoryPolicyNotFoundException",
        message:
          "Repository policy does not exist for the repository with name '{name}' in the registry with id",
      },
    },
  },
  ecs: {
    "list-task-definition-families": { pages: "families", args: "--status ACTIVE" },
    "describe-task-definition": { resource: "family", note: "the family's latest ACTIVE revision" },
    "list-clusters": { pages: "clusterArns" },
    "describe-clusters": { resource: "cluster name", args: "--include SETTINGS", note: "one cluster a call" },
    "list-services": { resource: "cluster name", pages: "serviceArns" },
    "describe-services": {
      resource: "cluster name",
      pages: ["services", "failures"],
      note: "every service `list-services` named, 10 a call, the answers merged",
    },
  },
  efs: {
    "describe-file-systems": { pages: "FileSystems" },
    "describe-access-points": { pages: "AccessPoints", note: "every file system's, no filter" },
    "describe-mount-targets": {
      resource: "file system id",
      pages: "MountTargets",
      note: "file systems with mount targets only (`NumberOfMountTargets` > 0)",
    },
    "describe-backup-policy": {
      resource: "file system id",
      absent: { error: "PolicyNotFound", message: "No backup policy is set for {name}." },
      note: 'automatic backups off: `{"BackupPolicy": {"Status": "DISABLED"}}` or the error',
    },
  },
  eks: {
    "list-clusters": { pages: "clusters" },
    "describe-cluster": { resource: "cluster name" },
  },
  elasticache: {
    "describe-replication-groups": { pages: "ReplicationGroups" },
    "describe-cache-clusters": { pages: "CacheClusters" },
  },
  elasticbeanstalk: {
    "describe-environments": { pages: "Environments", args: "--no-include-deleted" },
    "describe-configuration-settings": {
      resource: "environment name",
      args: "--application-name <app> --environment-name <name>",
    },
  },
  elb: {
    "describe-load-balancers": { pages: "LoadBalancerDescriptions" },
    "describe-load-balancer-attributes": { resource: "load balancer name" },
    "describe-load-balancer-policies": {
      resource: "load balancer name",
      note: "read only for a load balancer with an HTTPS or SSL listener",
    },
  },
  elbv2: {
    "describe-load-balancers": { pages: "LoadBalancers" },
    "describe-listeners": { resource: "load balancer name", pages: "Listeners" },
    "describe-load-balancer-attributes": { resource: "load balancer name" },
  },
  guardduty: {
    "list-detectors": { pages: "DetectorIds" },
    "get-detector": { resource: "detector id" },
  },
  iam: {
    "list-users": { scope: G, pages: "Users" },
    "list-roles": { scope: G, pages: "Roles" },
    "list-policies": { scope: G, pages: "Policies", args: "--only-attached" },
    "list-server-certificates": { scope: G, pages: "ServerCertificateMetadataList" },
    "list-virtual-mfa-devices": { scope: G, pages: "VirtualMFADevices" },
    "get-account-summary": { scope: G },
    "get-account-password-policy": { scope: G, notConfigured: ["NoSuchEntity"] },
    "generate-credential-report": { scope: G },
    "get-credential-report": {
      scope: G,
      note: "AWS's 22-column CSV, base64 in `Content`; the root user's row is `<root_account>`",
    },
    "list-access-keys": {
      scope: G,
      resource: "user name",
      pages: "AccessKeyMetadata",
      absent: { output: { AccessKeyMetadata: [] } },
    },
    "get-access-key-last-used": { scope: G, resource: "access key id" },
    "list-mfa-devices": {
      scope: G,
      resource: "user name",
      pages: "MFADevices",
      absent: { output: { MFADevices: [] } },
    },
    "get-login-profile": {
      scope: G,
      resource: "user name",
      absent: { error: "NoSuchEntity", message: "Login Profile for User {name} cannot be found." },
    },
    "list-attached-user-policies": {
      scope: G,
      resource: "user name",
      pages: "AttachedPolicies",
      absent: NOTHING_ATTACHED,
    },
    "list-user-policies": {
      scope: G,
      resource: "user name",
      pages: "PolicyNames",
      absent: { output: { PolicyNames: [] } },
    },
    "get-user-policy": {
      scope: G,
      resource: "user name/policy name, URL-encoded",
      absent: { error: "NoSuchEntity", message: "The user policy with name {name} cannot be found." },
      note: "each inline policy `list-user-policies` names: `alice%2Fdeploy`",
    },
    "list-groups-for-user": {
      scope: G,
      resource: "user name",
      pages: "Groups",
      absent: { output: { Groups: [] } },
    },
    "list-attached-role-policies": {
      scope: G,
      resource: "role name",
      pages: "AttachedPolicies",
      absent: NOTHING_ATTACHED,
    },
    "list-role-policies": {
      scope: G,
      resource: "role name",
      pages: "PolicyNames",
      absent: { output: { PolicyNames: [] } },
    },
    "get-role-policy": {
      scope: G,
      resource: "role name/policy name, URL-encoded",
      absent: { error: "NoSuchEntity", message: "The role policy with name {name} cannot be found." },
      note: "each inline policy `list-role-policies` names",
    },
    "get-policy-version": {
      scope: G,
      resource: "policy name",
      note: "the default version of each attached policy",
    },
    "list-entities-for-policy": {
      scope: G,
      resource: "policy name",
      pages: ["PolicyGroups", "PolicyUsers", "PolicyRoles"],
      note: "`AWSSupportAccess` always",
    },
  },
  inspector2: {
    "batch-get-account-status": { note: "the account's own status" },
  },
  kafka: {
    "list-clusters-v2": { pages: "ClusterInfoList", note: "provisioned and serverless clusters" },
  },
  kafkaconnect: {
    "list-connectors": {
      pages: "connectors",
      note: "the summaries hold encryption in transit and log delivery",
    },
  },
  dax: {
    "describe-clusters": { pages: "Clusters" },
  },
  kinesis: {
    // AWS pages both: the names, and (since November 2023) a summary of each stream.
    "list-streams": { pages: ["StreamNames", "StreamSummaries"] },
    "describe-stream-summary": { resource: "stream name" },
  },
  kms: {
    "list-keys": { pages: "Keys" },
    "describe-key": { resource: "key id" },
    "get-key-rotation-status": { resource: "key id" },
    "get-key-policy": {
      resource: "key id",
      args: "--policy-name default",
      note: "`Policy` stays a JSON string",
    },
  },
  lambda: {
    "list-functions": { pages: "Functions" },
    "get-policy": {
      resource: "function name",
      absent: {
        error: "ResourceNotFoundException",
        message: "The resource you requested does not exist.",
      },
      note: "`Policy` stays a JSON string; no resource policy: the error",
    },
  },
  logs: {
    "describe-metric-filters": { pages: "metricFilters" },
  },
  macie2: {
    "get-macie-session": {
      notConfigured: ["AccessDeniedException"],
      notConfiguredMessage: /Macie is not enabled/i,
      note: 'Macie off: `{"Error": {"Code": "AccessDeniedException", "Message": "Macie is not enabled."}}`',
    },
    "get-automated-discovery-configuration": {
      notConfigured: ["AccessDeniedException"],
      notConfiguredMessage: /Macie is not enabled/i,
      note: "read only when Macie is on",
    },
  },
  "network-firewall": {
    "list-firewalls": { pages: "Firewalls" },
    "list-firewall-policies": { pages: "FirewallPolicies" },
    "list-rule-groups": { pages: "RuleGroups" },
    "describe-firewall": { resource: "firewall name" },
    "describe-firewall-policy": { resource: "firewall policy name" },
    "describe-rule-group": { resource: "rule group name" },
    "describe-logging-configuration": {
      resource: "firewall name",
      absent: { output: { LoggingConfiguration: { LogDestinationConfigs: [] } } },
      note: "no logging: no destinations",
    },
  },
  opensearch: {
    "list-domain-names": { note: "every domain at once (no pagination)" },
    "describe-domain": { resource: "domain name" },
  },
  organizations: {
    "describe-organization": {
      scope: G,
      notConfigured: ["AWSOrganizationsNotInUseException"],
      note: "in no organization: AWS's `AWSOrganizationsNotInUseException` as an error file",
    },
  },
  rds: {
    "describe-db-instances": { pages: "DBInstances" },
    "describe-db-snapshots": { pages: "DBSnapshots" },
    "describe-db-snapshot-attributes": { resource: "snapshot id", note: "manual snapshots only" },
    "describe-event-subscriptions": { pages: "EventSubscriptionsList" },
    "describe-db-proxies": { pages: "DBProxies" },
    "describe-db-parameters": {
      resource: "parameter group name",
      pages: "Parameters",
      note: "each instance's group (`DBParameterGroups[0]`), default groups too",
    },
    "describe-db-clusters": {
      pages: "DBClusters",
      args: "--filters Name=engine,Values=docdb,neptune,aurora,aurora-mysql,aurora-postgresql,mysql,postgres",
      note: "DocumentDB, Neptune and RDS clusters; a file holding other engines too is filtered as AWS does",
    },
    "describe-db-cluster-snapshots": {
      pages: "DBClusterSnapshots",
      args: "--filters Name=engine,Values=docdb,neptune",
    },
    "describe-db-cluster-parameters": {
      resource: "parameter group name",
      pages: "Parameters",
      note: "each cluster's group (`DBClusterParameterGroup`), default groups too",
    },
    "describe-db-cluster-snapshot-attributes": {
      resource: "snapshot id",
      note: "manual snapshots only; missing: not shared",
    },
  },
  redshift: {
    "describe-clusters": { pages: "Clusters" },
    "describe-logging-status": { resource: "cluster id" },
    "describe-cluster-parameters": {
      resource: "parameter group name",
      pages: "Parameters",
      note: "default groups too (`default.redshift-1.0`)",
    },
  },
  s3api: {
    "list-buckets": { scope: G, pages: "Buckets" },
    "get-bucket-location": {
      scope: G,
      resource: "bucket",
      note: 'in us-east-1: `"LocationConstraint": null`',
    },
    "get-bucket-encryption": {
      scope: G,
      resource: "bucket",
      absent: {
        error: "ServerSideEncryptionConfigurationNotFoundError",
        message: "The server side encryption configuration was not found",
      },
    },
    "get-public-access-block": {
      scope: G,
      resource: "bucket",
      absent: {
        error: "NoSuchPublicAccessBlockConfiguration",
        message: "The public access block configuration was not found",
      },
    },
    "get-bucket-policy": {
      scope: G,
      resource: "bucket",
      absent: NO_BUCKET_POLICY,
      note: "`Policy` stays a JSON string",
    },
    "get-bucket-tagging": {
      scope: G,
      resource: "bucket",
      absent: { error: "NoSuchTagSet", message: "The TagSet does not exist" },
    },
    "get-bucket-versioning": { scope: G, resource: "bucket", absent: { output: {} } },
    "get-bucket-logging": { scope: G, resource: "bucket", absent: { output: {} } },
    "get-bucket-acl": { scope: G, resource: "bucket" },
    "get-bucket-lifecycle-configuration": {
      scope: G,
      resource: "bucket",
      absent: {
        error: "NoSuchLifecycleConfiguration",
        message: "The lifecycle configuration does not exist",
      },
      note: "directory buckets (`<name>--<zone id>--x-s3`) too, read in their region",
    },
    "list-directory-buckets": {
      pages: "Buckets",
      note: "S3 Express One Zone directory buckets of the region (its `s3express-control` endpoint)",
    },
  },
  s3control: {
    "get-public-access-block": {
      scope: G,
      notConfigured: ["NoSuchPublicAccessBlockConfiguration"],
      note: "account-wide",
    },
    "list-access-points": { pages: "AccessPointList", args: "--account-id <account>" },
    "get-access-point": { resource: "access point name", args: "--account-id <account>" },
    "list-multi-region-access-points": {
      scope: G,
      pages: "AccessPoints",
      args: "--account-id <account> --region us-west-2",
      note: "AWS answers for Multi-Region Access Points in us-west-2 only",
    },
  },
  sagemaker: {
    "list-notebook-instances": { pages: "NotebookInstances" },
    "list-endpoint-configs": { pages: "EndpointConfigs" },
    "list-models": { pages: "Models" },
    "describe-notebook-instance": { resource: "name" },
    "describe-endpoint-config": { resource: "name" },
    "describe-model": { resource: "name" },
  },
  secretsmanager: {
    "list-secrets": { pages: "SecretList" },
  },
  securityhub: {
    "describe-hub": {
      notConfigured: ["InvalidAccessException", "ResourceNotFoundException"],
      note: "not subscribed: AWS's `InvalidAccessException` as an error file",
    },
  },
  sns: {
    "list-topics": { pages: "Topics" },
    "get-topic-attributes": { resource: "topic name" },
  },
  sqs: {
    "list-queues": { pages: "QueueUrls" },
    "get-queue-attributes": { resource: "queue name", note: "the attributes the checks need" },
  },
  ssm: {
    "describe-instance-information": { pages: "InstanceInformationList" },
    "list-resource-compliance-summaries": { pages: "ResourceComplianceSummaryItems" },
    "list-documents": { pages: "DocumentIdentifiers", args: "--filters Key=Owner,Values=Self" },
    "describe-document-permission": { resource: "document name", args: "--permission-type Share" },
    "get-service-setting": {
      resource: "setting name",
      args: "--setting-id /ssm/documents/console/public-sharing-permission (and /ssm/automation/customer-script-log-destination)",
      note: "files `public-sharing-permission.json`, `customer-script-log-destination.json` (the setting id's last segment)",
    },
  },
  stepfunctions: {
    "list-state-machines": { pages: "stateMachines" },
    "describe-state-machine": { resource: "state machine name" },
  },
  wafv2: {
    "list-web-acls": {
      scope: "both",
      pages: "WebACLs",
      args: "--scope REGIONAL (--scope CLOUDFRONT in us-east-1, under global/)",
    },
    "get-web-acl": { scope: "both", resource: "web ACL id" },
    "get-logging-configuration": {
      scope: "both",
      resource: "web ACL id",
      absent: {
        error: "WAFNonexistentItemException",
        message: "AWS WAF couldn’t perform the operation because your resource doesn’t exist.",
      },
      note: "no logging: the error",
    },
  },
};

/** Every read, in a stable order (by service, then as listed). */
export const AWS_READS: readonly AwsRead[] = Object.entries(READS).flatMap(([service, commands]) =>
  Object.entries(commands).map(([command, spec]) => ({
    ...spec,
    service,
    command,
    scope: spec.scope ?? "regional",
  })),
);

const BY_KEY = new Map(AWS_READS.map((r) => [`${r.service} ${r.command}`, r]));

/** The read `aws <service> <command>` (CLI names), or `undefined` when no scan makes it. */
export function awsRead(service: string, command: string): AwsRead | undefined {
  return BY_KEY.get(`${service} ${command}`);
}

/** The error codes that mean "nothing is configured" for this read. */
export function notConfiguredCodes(read: AwsRead): readonly string[] {
  if (read.notConfigured) return read.notConfigured;
  return read.absent && "error" in read.absent ? [read.absent.error] : [];
}

/** AWS's answer for a resource with nothing configured, with its name filled in. */
export function absentAnswer(read: AwsRead, name: string): AbsentAnswer | undefined {
  const absent = read.absent;
  if (absent === undefined || "output" in absent) return absent;
  return { error: absent.error, message: absent.message.replaceAll("{name}", name) };
}
