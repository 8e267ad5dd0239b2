/**
 * A deterministic account generator: from a seed, a whole account snapshot (AWS CLI JSON) with
 * realistic resources and a chosen share of CIS-relevant misconfigurations. Same options, same
 * bytes: all randomness comes from one seeded PRNG and all times from `asOf`.
 */

import {
  generateDms,
  generateKafka,
  generateKinesis,
  generateNetworkFirewall,
  generateSageMaker,
} from "./generate-dataflow.ts";
import {
  generateDbParameters,
  generateDocDbAndNeptune,
  generateOpenSearch,
  generateRdsClusters,
  generateRdsEventSubscriptions,
  generateRdsProxies,
  generateRedshift,
} from "./generate-datastores.ts";
import { generateOperations } from "./generate-operations.ts";
import {
  generateBucketLifecycles,
  generateEfsAccessPoints,
  generateFileSystemBackups,
  generateFunctionPolicies,
  generateKeyPolicies,
} from "./generate-resource-policies.ts";
import { generateSecurityServices } from "./generate-security.ts";
import {
  generateApis,
  generateAutomationLogSettings,
  generateBackupSelections,
  generateCacheClusters,
  generateCertificates,
  generateClassicSslPolicies,
  generateCustomNetworkAcls,
  generateDaxAndConnectors,
  generateDistributions,
  generateDynamoDbAutoScaling,
  generateEc2Network,
  generateEcsServices,
  generateEcsTaskSets,
  generateEfsMountTargets,
  generateInlinePolicies,
  generateInstanceInterfaces,
  generateLambdaSubnets,
  generateLambdaUrlOrigins,
  generateLegacyRedis,
  generateLoadBalancers,
  generateRedshiftMultiAz,
  generateRedshiftSecurityGroups,
  generateRouteTables,
  generateS3AccessPoints,
  generateS3DirectoryBuckets,
  generateSubnets,
  generateVpcBlockPublicAccess,
  generateVpcEndpoints,
  generateWebAcls,
} from "./generate-services.ts";
import type { AccountModel } from "./model.ts";
import { type Random, seededRandom } from "./prng.ts";

export interface GenerateAccountOptions {
  readonly seed: string | number;
  /** Regions to populate; or `regionCount` of the standard ones (us-east-1 first). */
  readonly regions?: readonly string[];
  readonly regionCount?: number;
  /** EC2 instances per region; other resources scale from it. Default 5. */
  readonly assetsPerRegion?: number;
  /** Probability (0..1) that each misconfigurable setting is misconfigured. Default 0.3. */
  readonly misconfigurationRate?: number;
  /** Default: derived from the seed. */
  readonly accountId?: string;
  /** The "current" time all ages are relative to (ISO-8601). Default 2026-06-01T00:00:00Z. */
  readonly asOf?: string;
}

export const STANDARD_REGIONS = [
  "us-east-1",
  "eu-west-1",
  "us-west-2",
  "eu-central-1",
  "ap-southeast-2",
  "us-east-2",
  "us-west-1",
  "eu-west-2",
  "eu-west-3",
  "eu-north-1",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-southeast-1",
  "ap-south-1",
  "ca-central-1",
  "sa-east-1",
] as const;

const DAY = 86_400_000;
/** AWS's default VPC flow log format: `${version} ${account-id} …`. */
const FLOW_LOG_FORMAT = [
  "version",
  "account-id",
  "interface-id",
  "srcaddr",
  "dstaddr",
  "srcport",
  "dstport",
  "protocol",
  "packets",
  "bytes",
  "start",
  "end",
  "action",
  "log-status",
]
  .map((field) => `\${${field}}`)
  .join(" ");
const CREATED_BY_VIGIL = { Key: "Created By", Value: "Vigil" };

/** The CIS 5.0 section 4 monitoring patterns (metric filter name, pattern). */
const CIS_PATTERNS: readonly [string, string][] = [
  [
    "unauthorized-api-calls",
    '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
  ],
  [
    "console-signin-without-mfa",
    '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
  ],
  [
    "root-account-usage",
    '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
  ],
  [
    "iam-policy-changes",
    "{ ($.eventName = DeleteGroupPolicy) || ($.eventName = PutUserPolicy) || ($.eventName = AttachRolePolicy) }",
  ],
  [
    "cloudtrail-config-changes",
    "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StopLogging) }",
  ],
  ["console-auth-failures", '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }'],
  [
    "cmk-disable-or-deletion",
    "{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }",
  ],
  [
    "s3-bucket-policy-changes",
    "{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketPolicy) || ($.eventName = DeleteBucketPolicy)) }",
  ],
  [
    "security-group-changes",
    "{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupIngress) }",
  ],
  [
    "nacl-changes",
    "{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) }",
  ],
  [
    "vpc-changes",
    "{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) }",
  ],
];

type Json = Record<string, unknown>;

export function generateAccount(options: GenerateAccountOptions): AccountModel {
  const rng = seededRandom(options.seed);
  const rate = options.misconfigurationRate ?? 0.3;
  if (!(rate >= 0 && rate <= 1)) throw new RangeError(`misconfigurationRate must be in [0, 1], got ${rate}`);
  const perRegion = options.assetsPerRegion ?? 5;
  if (!(Number.isInteger(perRegion) && perRegion >= 0)) {
    throw new RangeError(`assetsPerRegion must be a non-negative integer, got ${perRegion}`);
  }
  const regions = options.regions
    ? [...options.regions]
    : STANDARD_REGIONS.slice(0, Math.max(1, Math.min(STANDARD_REGIONS.length, options.regionCount ?? 2)));
  if (regions.length === 0) throw new RangeError("an account needs at least one region");
  const accountId = options.accountId ?? String(rng.int(100000, 999999)) + String(rng.int(100000, 999999));
  if (!/^\d{12}$/.test(accountId)) throw new RangeError(`accountId must be 12 digits, got ${accountId}`);
  const asOf = Date.parse(options.asOf ?? "2026-06-01T00:00:00Z");
  const g = new Generator(rng, rate, accountId, asOf);

  const files = new Map<string, unknown>();
  const put = (key: string, value: unknown) => files.set(key, value);

  // Global first, so regional resources can refer to buckets and roles.
  const buckets = g.s3(put, regions, Math.max(3, perRegion));
  g.iam(put, Math.max(3, perRegion));
  const trails = g.trails(regions, buckets);
  const logGroup = `arn:aws:logs:${regions[0]}:${accountId}:log-group:aws-cloudtrail-logs:*`;
  for (const region of regions)
    g.region(put, region, perRegion, trails, region === regions[0] ? logGroup : undefined);
  // Drawn from a stream of their own, so the rest of an account a seed made stays as it was.
  accountServices(put, files, {
    rng: seededRandom(`${options.seed}:account-services`),
    rate,
    accountId,
    regions,
    asOf,
  });
  // Each service of its own stream too: adding one changes nothing another generated.
  const service = (name: string) => ({
    rng: seededRandom(`${options.seed}:${name}`),
    rate,
    accountId,
    regions,
    asOf,
    files,
  });
  generateLoadBalancers(put, service("elb"));
  generateDistributions(put, service("cloudfront"));
  generateApis(put, service("apigateway"));
  generateCertificates(put, service("acm"));
  generateWebAcls(put, service("wafv2"));
  dynamoDbTables(put, service("dynamodb"));
  sqsQueues(put, service("sqs"));
  snsTopics(put, service("sns"));
  secrets(put, service("secretsmanager"));
  ecrRepositories(put, service("ecr"));
  ecsTasksAndClusters(put, service("ecs"));
  elastiCacheGroups(put, service("elasticache"));
  generateRedshift(put, service("redshift"));
  generateDms(put, service("dms"));
  generateOpenSearch(put, service("opensearch"));
  generateDocDbAndNeptune(put, service("docdb-neptune"), generateRdsClusters(service("rds-clusters")));
  generateKafka(put, service("kafka"));
  generateKinesis(put, service("kinesis"));
  generateSecurityServices(put, service("security"));
  generateOperations(put, service("operations"));
  generateSageMaker(put, service("sagemaker"));
  generateNetworkFirewall(put, service("network-firewall"));
  generateVpcEndpoints(put, service("vpc-endpoints"));
  generateCustomNetworkAcls(put, service("network-acls"));
  generateCacheClusters(put, service("cache-clusters"));
  generateRdsEventSubscriptions(put, service("rds-events"));
  generateKeyPolicies(put, service("kms-key-policies"));
  generateFunctionPolicies(put, service("lambda-policies"));
  generateBucketLifecycles(put, service("s3-lifecycle"));
  generateFileSystemBackups(put, service("efs-backups"));
  generateSubnets(put, service("subnets"));
  generateLegacyRedis(put, service("legacy-redis"));
  generateEcsServices(put, service("ecs-services"));
  generateEfsAccessPoints(put, service("efs-access-points"));
  generateRdsProxies(put, service("rds-proxies"));
  generateDbParameters(put, service("db-parameters"));
  generateInstanceInterfaces(put, service("instance-enis"));
  // After the instances' interfaces: lists them.
  generateEc2Network(put, service("ec2-network"));
  generateLambdaUrlOrigins(put, service("cloudfront-lambda-origins"));
  generateAutomationLogSettings(put, service("ssm-automation"));
  generateDaxAndConnectors(put, service("dax-connect"));
  generateLambdaSubnets(put, service("lambda-subnets"));
  generateEfsMountTargets(put, service("efs-mount-targets"));
  generateRedshiftSecurityGroups(put, service("redshift-security-groups"));
  generateInlinePolicies(put, service("iam-inline-policies"));
  generateClassicSslPolicies(put, service("elb-ssl-policies"));
  generateBackupSelections(put, service("backup-selections"));
  // After the VPCs and subnets above: gives the RDS instances their DB subnet groups.
  generateRouteTables(put, service("route-tables"));
  generateEcsTaskSets(put, service("ecs-task-sets"));
  generateS3AccessPoints(put, service("s3-access-points"));
  // After the DynamoDB tables: one of them provisioned, with its auto scaling.
  generateDynamoDbAutoScaling(put, service("dynamodb-autoscaling"));
  generateRedshiftMultiAz(put, service("redshift-multi-az"));
  generateVpcBlockPublicAccess(put, service("vpc-block-public-access"));
  generateS3DirectoryBuckets(put, service("s3-directory-buckets"));
  return { accountId, regions, files };
}

/** Two SQS queues per region: encryption off at `rate`; the events queue's policy public at `rate`. */
function sqsQueues(put: (key: string, value: unknown) => void, o: ServiceStream): void {
  const { rng, accountId } = o;
  const bad = () => rng.chance(o.rate);
  for (const region of o.regions) {
    const names = ["sim-jobs", "sim-events"];
    const url = (name: string) => `https://sqs.${region}.amazonaws.com/${accountId}/${name}`;
    put(`${region}/sqs/list-queues`, { QueueUrls: names.map(url) });
    for (const name of names) {
      const arn = `arn:aws:sqs:${region}:${accountId}:${name}`;
      const encryption = bad() ? "none" : rng.pick(["sqs", "kms"] as const);
      const publicPolicy = bad();
      const policy =
        name === "sim-events"
          ? {
              Version: "2012-10-17",
              Statement: [
                {
                  Sid: "topic-to-queue",
                  Effect: "Allow",
                  Principal: publicPolicy ? "*" : { Service: "sns.amazonaws.com" },
                  Action: "sqs:SendMessage",
                  Resource: arn,
                  ...(publicPolicy
                    ? {}
                    : {
                        Condition: {
                          ArnEquals: { "aws:SourceArn": `arn:aws:sns:${region}:${accountId}:sim-alerts` },
                        },
                      }),
                },
              ],
            }
          : undefined;
      put(`${region}/sqs/get-queue-attributes/${name}`, {
        Attributes: {
          QueueArn: arn,
          ApproximateNumberOfMessages: "0",
          ApproximateNumberOfMessagesNotVisible: "0",
          ApproximateNumberOfMessagesDelayed: "0",
          CreatedTimestamp: String(Math.floor((o.asOf - 300 * DAY) / 1000)),
          LastModifiedTimestamp: String(Math.floor((o.asOf - 30 * DAY) / 1000)),
          VisibilityTimeout: "30",
          MaximumMessageSize: "262144",
          MessageRetentionPeriod: "345600",
          DelaySeconds: "0",
          ReceiveMessageWaitTimeSeconds: "0",
          SqsManagedSseEnabled: encryption === "sqs" ? "true" : "false",
          ...(encryption === "kms"
            ? { KmsMasterKeyId: "alias/aws/sqs", KmsDataKeyReusePeriodSeconds: "300" }
            : {}),
          ...(policy ? { Policy: JSON.stringify(policy) } : {}),
        },
      });
    }
  }
}

/**
 * Two SNS topics per region: a KMS key and delivery status logging each missing at `rate`, the
 * alerts topic's policy public at `rate` (otherwise AWS's default policy, tied to the owner).
 */
function snsTopics(put: (key: string, value: unknown) => void, o: ServiceStream): void {
  const { rng, accountId } = o;
  const bad = () => rng.chance(o.rate);
  for (const region of o.regions) {
    const names = ["sim-alerts", "sim-billing"];
    const arnOf = (name: string) => `arn:aws:sns:${region}:${accountId}:${name}`;
    put(`${region}/sns/list-topics`, { Topics: names.map((n) => ({ TopicArn: arnOf(n) })) });
    for (const name of names) {
      const arn = arnOf(name);
      const open = name === "sim-alerts" && bad();
      const statement = open
        ? {
            Sid: "public-publish",
            Effect: "Allow",
            Principal: { AWS: "*" },
            Action: "SNS:Publish",
            Resource: arn,
          }
        : {
            Sid: "__default_statement_ID",
            Effect: "Allow",
            Principal: { AWS: "*" },
            Action: ["SNS:GetTopicAttributes", "SNS:SetTopicAttributes", "SNS:Subscribe", "SNS:Publish"],
            Resource: arn,
            Condition: { StringEquals: { "AWS:SourceOwner": accountId } },
          };
      const kms = !bad();
      const logged = !bad();
      const role = `arn:aws:iam::${accountId}:role/sim-sns-delivery-status`;
      put(`${region}/sns/get-topic-attributes/${name}`, {
        Attributes: {
          TopicArn: arn,
          Owner: accountId,
          DisplayName: "",
          Policy: JSON.stringify({
            Version: "2008-10-17",
            Id: "__default_policy_ID",
            Statement: [statement],
          }),
          SubscriptionsConfirmed: "1",
          SubscriptionsPending: "0",
          SubscriptionsDeleted: "0",
          EffectiveDeliveryPolicy: JSON.stringify({
            http: { defaultHealthyRetryPolicy: { numRetries: 3, minDelayTarget: 20, maxDelayTarget: 20 } },
          }),
          ...(kms ? { KmsMasterKeyId: "alias/aws/sns" } : {}),
          ...(logged
            ? {
                LambdaFailureFeedbackRoleArn: role,
                LambdaSuccessFeedbackRoleArn: role,
                LambdaSuccessFeedbackSampleRate: "0",
              }
            : {}),
        },
      });
    }
  }
}

/**
 * Three secrets per region: database credentials rotated every 30 days (rotation off, or failing,
 * at `rate`), an API key never rotated (old at `rate`) and a token (unused for months at `rate`).
 */
function secrets(put: (key: string, value: unknown) => void, o: ServiceStream): void {
  const { rng, accountId } = o;
  const bad = () => rng.chance(o.rate);
  const iso = (days: number) => isoOf(o, days);
  for (const region of o.regions) {
    const entry = (name: string, created: number, accessed: number, extra: Record<string, unknown>) => ({
      ARN: `arn:aws:secretsmanager:${region}:${accountId}:secret:${name}-${rng.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 6)}`,
      Name: name,
      LastChangedDate: iso(Math.min(created, 20)),
      LastAccessedDate: iso(accessed),
      Tags: [{ Key: "app", Value: "sim" }],
      SecretVersionsToStages: {
        [`${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-8${rng.hex(3)}-${rng.hex(12)}`]: ["AWSCURRENT"],
      },
      CreatedDate: iso(created),
      ...extra,
    });
    const rotating = !bad();
    const failing = bad();
    const rotated = failing ? 45 : 10;
    const list = [
      entry("sim-db-credentials", 500, 0, {
        RotationEnabled: rotating,
        ...(rotating
          ? {
              RotationLambdaARN: `arn:aws:lambda:${region}:${accountId}:function:sim-rotate-db`,
              RotationRules: { AutomaticallyAfterDays: 30 },
              LastRotatedDate: iso(rotated),
              NextRotationDate: iso(rotated - 30),
            }
          : {}),
      }),
      entry("sim-api-key", bad() ? 400 : 30, 1, {}),
      entry("sim-webhook-token", 365, bad() ? 200 : 3, {}),
    ];
    put(`${region}/secretsmanager/list-secrets`, { SecretList: list });
  }
}

/**
 * Two ECR repositories per region: scan on push, tag immutability and a lifecycle policy each off
 * at `rate`; the worker scanned by a registry rule unless off at `rate`; the web repository shared
 * with another account, or (at `rate`) with everyone.
 */
function ecrRepositories(put: (key: string, value: unknown) => void, o: ServiceStream): void {
  const { rng, accountId } = o;
  const bad = () => rng.chance(o.rate);
  for (const region of o.regions) {
    const names = ["sim/web", "sim/worker"];
    const repositories = names.map((name) => ({
      repositoryArn: `arn:aws:ecr:${region}:${accountId}:repository/${name}`,
      registryId: accountId,
      repositoryName: name,
      repositoryUri: `${accountId}.dkr.ecr.${region}.amazonaws.com/${name}`,
      createdAt: isoOf(o, 300),
      imageTagMutability: bad() ? "MUTABLE" : "IMMUTABLE",
      imageScanningConfiguration: { scanOnPush: !bad() },
      encryptionConfiguration: { encryptionType: "AES256" },
    }));
    put(`${region}/ecr/describe-repositories`, { repositories });
    put(`${region}/ecr/get-registry-scanning-configuration`, {
      registryId: accountId,
      scanningConfiguration: {
        scanType: "BASIC",
        rules: bad()
          ? []
          : [
              {
                scanFrequency: "SCAN_ON_PUSH",
                repositoryFilters: [{ filter: "sim/work*", filterType: "WILDCARD" }],
              },
            ],
      },
    });
    for (const name of names) {
      if (!bad())
        put(`${region}/ecr/get-lifecycle-policy/${encodeURIComponent(name)}`, {
          registryId: accountId,
          repositoryName: name,
          lifecyclePolicyText: JSON.stringify({
            rules: [
              {
                rulePriority: 1,
                description: "expire untagged images",
                selection: {
                  tagStatus: "untagged",
                  countType: "sinceImagePushed",
                  countUnit: "days",
                  countNumber: 14,
                },
                action: { type: "expire" },
              },
            ],
          }),
          lastEvaluatedAt: isoOf(o, 1),
        });
    }
    const everyone = bad();
    put(`${region}/ecr/get-repository-policy/${encodeURIComponent("sim/web")}`, {
      registryId: accountId,
      repositoryName: "sim/web",
      policyText: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "pull",
            Effect: "Allow",
            Principal: everyone ? "*" : { AWS: "arn:aws:iam::210987654321:root" },
            Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
          },
        ],
      }),
    });
  }
}

/**
 * Two ECS task definition families per region, a Fargate web service and a host-network agent, each
 * hardening setting off at `rate`; two clusters, Container Insights off at `rate`.
 */
function ecsTasksAndClusters(put: (key: string, value: unknown) => void, o: ServiceStream): void {
  const { rng, accountId } = o;
  const bad = () => rng.chance(o.rate);
  for (const region of o.regions) {
    const logs = (group: string) => ({
      logDriver: "awslogs",
      options: { "awslogs-group": group, "awslogs-region": region, "awslogs-stream-prefix": "ecs" },
      secretOptions: [],
    });
    const container = (name: string, image: string, extra: Record<string, unknown>) => ({
      name,
      image,
      cpu: 0,
      essential: true,
      portMappings: [],
      mountPoints: [],
      volumesFrom: [],
      ...(bad() ? {} : { readonlyRootFilesystem: true }),
      ...(bad() ? {} : { logConfiguration: logs(`/ecs/${name}`) }),
      ...extra,
    });
    const definition = (family: string, revision: number, extra: Record<string, unknown>) => ({
      taskDefinition: {
        taskDefinitionArn: `arn:aws:ecs:${region}:${accountId}:task-definition/${family}:${revision}`,
        family,
        revision,
        status: "ACTIVE",
        volumes: [],
        placementConstraints: [],
        requiresAttributes: [{ name: "com.amazonaws.ecs.capability.logging-driver.awslogs" }],
        registeredAt: isoOf(o, 60),
        registeredBy: `arn:aws:iam::${accountId}:role/sim-deployer`,
        ...extra,
      },
    });
    const web = definition("sim-web", 7, {
      containerDefinitions: [
        container("web", `${accountId}.dkr.ecr.${region}.amazonaws.com/sim/web:1.4.2`, {
          user: "1000",
          environment: [
            { name: "PORT", value: "8080" },
            ...(bad() ? [{ name: "AWS_ACCESS_KEY_ID", value: "AKIAIOSFODNN7EXAMPLE" }] : []),
          ],
        }),
      ],
      networkMode: "awsvpc",
      compatibilities: ["EC2", "FARGATE"],
      requiresCompatibilities: ["FARGATE"],
      cpu: "256",
      memory: "512",
      executionRoleArn: `arn:aws:iam::${accountId}:role/sim-ecs-execution`,
    });
    const agent = definition("sim-agent", 3, {
      containerDefinitions: [
        container("agent", "public.ecr.aws/sim/agent:2", {
          memory: 256,
          environment: [{ name: "MODE", value: "daemon" }],
          ...(bad() ? { privileged: true } : {}),
          ...(bad() ? {} : { user: "1000" }),
        }),
      ],
      networkMode: "host",
      ...(bad() ? { pidMode: "host" } : {}),
      compatibilities: ["EC2"],
      requiresCompatibilities: ["EC2"],
    });
    put(`${region}/ecs/list-task-definition-families`, { families: ["sim-agent", "sim-web"] });
    put(`${region}/ecs/describe-task-definition/sim-web`, web);
    put(`${region}/ecs/describe-task-definition/sim-agent`, agent);
    const clusters = ["sim-apps", "sim-batch"];
    put(`${region}/ecs/list-clusters`, {
      clusterArns: clusters.map((n) => `arn:aws:ecs:${region}:${accountId}:cluster/${n}`),
    });
    for (const name of clusters)
      put(`${region}/ecs/describe-clusters/${name}`, {
        clusters: [
          {
            clusterArn: `arn:aws:ecs:${region}:${accountId}:cluster/${name}`,
            clusterName: name,
            status: "ACTIVE",
            registeredContainerInstancesCount: 0,
            runningTasksCount: 2,
            pendingTasksCount: 0,
            activeServicesCount: 1,
            statistics: [],
            tags: [],
            settings: [{ name: "containerInsights", value: bad() ? "disabled" : "enabled" }],
            capacityProviders: ["FARGATE"],
            defaultCapacityProviderStrategy: [],
          },
        ],
        failures: [],
      });
  }
}

/** Two ElastiCache replication groups per region: backups, failover and both encryptions each off at `rate`. */
function elastiCacheGroups(put: (key: string, value: unknown) => void, o: ServiceStream): void {
  const { rng, accountId } = o;
  const bad = () => rng.chance(o.rate);
  for (const region of o.regions) {
    const groups = ["sim-sessions", "sim-cache"].map((id) => {
      const failover = !bad();
      const members = failover ? [`${id}-001`, `${id}-002`] : [`${id}-001`];
      return {
        ReplicationGroupId: id,
        Description: `${id} (simulated)`,
        GlobalReplicationGroupInfo: {},
        Status: "available",
        PendingModifiedValues: {},
        MemberClusters: members,
        NodeGroups: [
          {
            NodeGroupId: "0001",
            Status: "available",
            PrimaryEndpoint: {
              Address: `${id}.${rng.hex(6)}.ng.0001.${region}.cache.amazonaws.com`,
              Port: 6379,
            },
            NodeGroupMembers: members.map((m, i) => ({
              CacheClusterId: m,
              CacheNodeId: "0001",
              PreferredAvailabilityZone: `${region}${"ab"[i]}`,
              CurrentRole: i === 0 ? "primary" : "replica",
            })),
          },
        ],
        AutomaticFailover: failover ? "enabled" : "disabled",
        MultiAZ: failover ? "enabled" : "disabled",
        SnapshotRetentionLimit: bad() ? 0 : 7,
        SnapshotWindow: "03:00-04:00",
        ClusterEnabled: false,
        CacheNodeType: "cache.t4g.small",
        AuthTokenEnabled: false,
        TransitEncryptionEnabled: !bad(),
        AtRestEncryptionEnabled: !bad(),
        ARN: `arn:aws:elasticache:${region}:${accountId}:replicationgroup:${id}`,
        LogDeliveryConfigurations: [],
        ReplicationGroupCreateTime: isoOf(o, 200),
        DataTiering: "disabled",
      };
    });
    put(`${region}/elasticache/describe-replication-groups`, { ReplicationGroups: groups });
  }
}

interface ServiceStream {
  readonly rng: Random;
  readonly rate: number;
  readonly accountId: string;
  readonly regions: readonly string[];
  readonly asOf: number;
}

function isoOf(o: ServiceStream, days: number): string {
  return new Date(o.asOf - days * DAY).toISOString().replace(".000Z", "Z");
}

/** Two DynamoDB tables per region: PITR, deletion protection and a KMS key each off at `rate`. */
function dynamoDbTables(put: (key: string, value: unknown) => void, o: ServiceStream): void {
  const { rng, accountId } = o;
  const bad = () => rng.chance(o.rate);
  for (const region of o.regions) {
    const names = ["sim-orders", "sim-sessions"];
    put(`${region}/dynamodb/list-tables`, { TableNames: names });
    for (const name of names) {
      const kms = !bad();
      put(`${region}/dynamodb/describe-table/${name}`, {
        Table: {
          AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }],
          TableName: name,
          KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }],
          TableStatus: "ACTIVE",
          CreationDateTime: isoOf(o, 400),
          ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
          TableSizeBytes: 0,
          ItemCount: 0,
          TableArn: `arn:aws:dynamodb:${region}:${accountId}:table/${name}`,
          TableId: `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-8${rng.hex(3)}-${rng.hex(12)}`,
          BillingModeSummary: {
            BillingMode: "PAY_PER_REQUEST",
            LastUpdateToPayPerRequestDateTime: isoOf(o, 400),
          },
          DeletionProtectionEnabled: !bad(),
          ...(kms
            ? {
                SSEDescription: {
                  Status: "ENABLED",
                  SSEType: "KMS",
                  KMSMasterKeyArn: `arn:aws:kms:${region}:${accountId}:key/${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-8${rng.hex(3)}-${rng.hex(12)}`,
                },
              }
            : {}),
        },
      });
      put(`${region}/dynamodb/describe-continuous-backups/${name}`, {
        ContinuousBackupsDescription: {
          ContinuousBackupsStatus: "ENABLED",
          PointInTimeRecoveryDescription: bad()
            ? { PointInTimeRecoveryStatus: "DISABLED" }
            : {
                PointInTimeRecoveryStatus: "ENABLED",
                EarliestRestorableDateTime: isoOf(o, 35),
                LatestRestorableDateTime: isoOf(o, 0),
              },
        },
      });
    }
  }
}

/**
 * The account- and region-wide services CIS and FSBP ask about, each misconfigured at `rate`: the
 * S3 account-level public access block, IAM Access Analyzer, AWS Config, Security Hub, EFS file
 * systems, IAM server certificates, the groups of each user and the policies attached to each role.
 */
function accountServices(
  put: (key: string, value: unknown) => void,
  files: ReadonlyMap<string, unknown>,
  o: { rng: Random; rate: number; accountId: string; regions: readonly string[]; asOf: number },
): void {
  const { rng, accountId } = o;
  const bad = () => rng.chance(o.rate);
  const iso = (days: number) => new Date(o.asOf - days * DAY).toISOString().replace(".000Z", "Z");
  const list = (key: string, member: string) =>
    ((files.get(key) as Record<string, Json[]> | undefined)?.[member] ?? []) as Json[];

  put(
    "global/s3control/get-public-access-block",
    bad()
      ? {
          Error: {
            Code: "NoSuchPublicAccessBlockConfiguration",
            Message: "The public access block configuration was not found",
          },
        }
      : {
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            IgnorePublicAcls: true,
            BlockPublicPolicy: true,
            RestrictPublicBuckets: true,
          },
        },
  );

  // Users in groups, roles with attached policies.
  for (const user of list("global/iam/list-users", "Users")) {
    const groups = rng.chance(0.5)
      ? [
          {
            Path: "/",
            GroupName: "developers",
            GroupId: `AGPA${rng.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)}`,
            Arn: `arn:aws:iam::${accountId}:group/developers`,
            CreateDate: iso(900),
          },
        ]
      : [];
    put(`global/iam/list-groups-for-user/${user.UserName}`, { Groups: groups, IsTruncated: false });
  }
  for (const role of list("global/iam/list-roles", "Roles")) {
    const attached =
      role.RoleName === "sim-support"
        ? [{ PolicyName: "AWSSupportAccess", PolicyArn: "arn:aws:iam::aws:policy/AWSSupportAccess" }]
        : role.RoleName === "sim-lambda-exec"
          ? [
              {
                PolicyName: "AWSLambdaBasicExecutionRole",
                PolicyArn: "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
              },
            ]
          : [];
    put(`global/iam/list-attached-role-policies/${role.RoleName}`, {
      AttachedPolicies: attached,
      IsTruncated: false,
    });
  }

  const certificates = [0, 1].map((i) => {
    const name = `sim-cert-${i}`;
    const expired = i === 1 && bad();
    return {
      Path: "/",
      ServerCertificateName: name,
      ServerCertificateId: `ASCA${rng.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 17)}`,
      Arn: `arn:aws:iam::${accountId}:server-certificate/${name}`,
      UploadDate: iso(500),
      Expiration: iso(expired ? 30 : -300),
    };
  });
  put("global/iam/list-server-certificates", {
    ServerCertificateMetadataList: certificates,
    IsTruncated: false,
  });

  for (const region of o.regions) {
    const analyzers = bad()
      ? []
      : [
          {
            arn: `arn:aws:access-analyzer:${region}:${accountId}:analyzer/sim-account-analyzer`,
            name: "sim-account-analyzer",
            type: "ACCOUNT",
            createdAt: iso(400),
            status: "ACTIVE",
          },
        ];
    put(`${region}/accessanalyzer/list-analyzers`, { analyzers });

    const recording = !bad();
    put(`${region}/configservice/describe-configuration-recorders`, {
      ConfigurationRecorders: [
        {
          name: "default",
          roleARN: `arn:aws:iam::${accountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
          recordingGroup: { allSupported: true, includeGlobalResourceTypes: region === o.regions[0] },
        },
      ],
    });
    put(`${region}/configservice/describe-configuration-recorder-status`, {
      ConfigurationRecordersStatus: [
        {
          name: "default",
          recording,
          lastStatus: recording ? "SUCCESS" : "PENDING",
          ...(recording ? { lastStartTime: iso(400) } : {}),
        },
      ],
    });

    put(
      `${region}/securityhub/describe-hub`,
      bad()
        ? {
            Error: {
              Code: "InvalidAccessException",
              Message: `Account ${accountId} is not subscribed to AWS Security Hub`,
            },
          }
        : {
            HubArn: `arn:aws:securityhub:${region}:${accountId}:hub/default`,
            SubscribedAt: iso(300),
            AutoEnableControls: true,
          },
    );

    const fileSystems = [0].map((i) => {
      const id = `fs-0${rng.hex(16)}`;
      return {
        OwnerId: accountId,
        CreationToken: `sim-efs-${i}`,
        FileSystemId: id,
        FileSystemArn: `arn:aws:elasticfilesystem:${region}:${accountId}:file-system/${id}`,
        CreationTime: iso(200),
        LifeCycleState: "available",
        Name: `sim-efs-${i}`,
        NumberOfMountTargets: 1,
        SizeInBytes: { Value: 6144 },
        PerformanceMode: "generalPurpose",
        Encrypted: !bad(),
        ThroughputMode: "bursting",
        Tags: [{ Key: "Name", Value: `sim-efs-${i}` }],
      };
    });
    put(`${region}/efs/describe-file-systems`, { FileSystems: fileSystems });
  }
}

interface Trail {
  readonly json: Json;
  readonly home: string;
  readonly multiRegion: boolean;
  readonly logging: boolean;
}

class Generator {
  constructor(
    private readonly rng: Random,
    private readonly rate: number,
    private readonly accountId: string,
    private readonly asOf: number,
  ) {}

  bad(): boolean {
    return this.rng.chance(this.rate);
  }

  /** An ISO-8601 time `days` (± a few hours) before `asOf`. */
  ago(days: number): string {
    return new Date(this.asOf - days * DAY - this.rng.int(0, 86_399) * 1000)
      .toISOString()
      .replace(".000Z", "Z");
  }

  id(prefix: string): string {
    return `${prefix}-0${this.rng.hex(16)}`;
  }

  upper(prefix: string, length = 16): string {
    return prefix + this.rng.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", length);
  }

  tags(name: string): Json[] {
    const tags: Json[] = [{ Key: "Name", Value: name }];
    if (this.rng.chance(0.2)) tags.push({ ...CREATED_BY_VIGIL });
    return tags;
  }

  // --- S3 -----------------------------------------------------------------------------------------

  s3(put: (k: string, v: unknown) => void, regions: readonly string[], count: number): string[] {
    const owner = { DisplayName: "sim-owner", ID: this.rng.hex(64) };
    const names: string[] = [];
    const buckets: Json[] = [];
    for (let i = 0; i < count; i++) {
      const name = `sim-${this.accountId}-${["data", "logs", "backup", "web", "archive"][i % 5]}-${i}`;
      const region = regions[i % regions.length] as string;
      names.push(name);
      buckets.push({ Name: name, CreationDate: this.ago(this.rng.int(30, 1500)) });
      const at = (command: string) => `global/s3api/${command}/${name}`;
      put(at("get-bucket-location"), { LocationConstraint: region === "us-east-1" ? null : region });
      put(at("get-bucket-acl"), {
        Owner: owner,
        Grants: [
          {
            Grantee: { DisplayName: owner.DisplayName, ID: owner.ID, Type: "CanonicalUser" },
            Permission: "FULL_CONTROL",
          },
        ],
      });
      if (!this.bad()) {
        put(at("get-bucket-encryption"), {
          ServerSideEncryptionConfiguration: {
            Rules: [
              {
                ApplyServerSideEncryptionByDefault: { SSEAlgorithm: this.rng.pick(["AES256", "aws:kms"]) },
                BucketKeyEnabled: true,
              },
            ],
          },
        });
      }
      if (!this.bad()) {
        put(at("get-public-access-block"), {
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            IgnorePublicAcls: true,
            BlockPublicPolicy: true,
            RestrictPublicBuckets: true,
          },
        });
      }
      put(at("get-bucket-versioning"), this.bad() ? {} : { Status: "Enabled", MFADelete: "Disabled" });
      put(
        at("get-bucket-logging"),
        this.bad()
          ? {}
          : { LoggingEnabled: { TargetBucket: `sim-${this.accountId}-logs-1`, TargetPrefix: `${name}/` } },
      );
      const arn = `arn:aws:s3:::${name}`;
      if (this.bad()) {
        const policy = {
          Version: "2012-10-17",
          Statement: [
            {
              Sid: "PublicRead",
              Effect: "Allow",
              Principal: "*",
              Action: "s3:GetObject",
              Resource: `${arn}/*`,
            },
          ],
        };
        put(at("get-bucket-policy"), { Policy: JSON.stringify(policy) });
        put(at("get-bucket-policy-status"), { PolicyStatus: { IsPublic: true } });
      } else if (this.rng.chance(0.5)) {
        const policy = {
          Version: "2012-10-17",
          Statement: [
            {
              Sid: "DenyInsecureTransport",
              Effect: "Deny",
              Principal: "*",
              Action: "s3:*",
              Resource: [arn, `${arn}/*`],
              Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
          ],
        };
        put(at("get-bucket-policy"), { Policy: JSON.stringify(policy) });
        put(at("get-bucket-policy-status"), { PolicyStatus: { IsPublic: false } });
      }
      if (this.rng.chance(0.3)) put(at("get-bucket-tagging"), { TagSet: [{ ...CREATED_BY_VIGIL }] });
    }
    put("global/s3api/list-buckets", { Buckets: buckets, Owner: owner });
    return names;
  }

  // --- IAM ----------------------------------------------------------------------------------------

  iam(put: (k: string, v: unknown) => void, userCount: number): void {
    const acct = this.accountId;
    const accountCreated = this.ago(2000);
    const users: Json[] = [];
    const reportRows: string[][] = [];
    const adminArn = "arn:aws:iam::aws:policy/AdministratorAccess";
    const customArn = `arn:aws:iam::${acct}:policy/sim-full-admin`;
    const adminUsers: Json[] = [];
    const customUsers: Json[] = [];
    let mfaUsers = 0;
    const virtualDevices: Json[] = [];

    for (let i = 0; i < userCount; i++) {
      const name = `${["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"][i % 8]}${i >= 8 ? i : ""}`;
      const user: Json = {
        Path: "/",
        UserName: name,
        UserId: this.upper("AIDA"),
        Arn: `arn:aws:iam::${acct}:user/${name}`,
        CreateDate: this.ago(this.rng.int(200, 1200)),
      };
      const console = this.rng.chance(0.7);
      const passwordLastUsed = console
        ? this.ago(this.bad() ? this.rng.int(60, 300) : this.rng.int(0, 20))
        : undefined;
      if (passwordLastUsed) user.PasswordLastUsed = passwordLastUsed;
      users.push(user);
      const at = (command: string) => `global/iam/${command}/${name}`;

      const mfa = console && !this.bad();
      if (console)
        put(at("get-login-profile"), {
          LoginProfile: { UserName: name, CreateDate: user.CreateDate, PasswordResetRequired: false },
        });
      const devices: Json[] = [];
      if (mfa) {
        mfaUsers++;
        const serial = `arn:aws:iam::${acct}:mfa/${name}`;
        const enabled = this.ago(this.rng.int(10, 190));
        devices.push({ UserName: name, SerialNumber: serial, EnableDate: enabled });
        virtualDevices.push({ SerialNumber: serial, User: { ...user }, EnableDate: enabled });
      }
      put(at("list-mfa-devices"), { MFADevices: devices });

      const keys: Json[] = [];
      const keyCount = this.rng.int(0, 2);
      const reportKeys: string[][] = [];
      for (let k = 0; k < keyCount; k++) {
        const old = this.bad();
        const created = this.ago(old ? this.rng.int(100, 700) : this.rng.int(1, 80));
        const keyId = this.upper("AKIA");
        const active = k === 0 || this.rng.chance(0.5);
        keys.push({
          UserName: name,
          AccessKeyId: keyId,
          Status: active ? "Active" : "Inactive",
          CreateDate: created,
        });
        const used = this.bad() ? undefined : this.ago(this.rng.int(0, 30));
        const region = used ? "us-east-1" : "N/A";
        const service = used ? "s3" : "N/A";
        // A key never used has no LastUsedDate, which the API model calls required: such keys get
        // no file and the simulated account answers as AWS does ("N/A" service and region).
        if (used) {
          put(`global/iam/get-access-key-last-used/${keyId}`, {
            UserName: name,
            AccessKeyLastUsed: { LastUsedDate: used, ServiceName: service, Region: region },
          });
        }
        reportKeys.push([String(active), created, used ?? "N/A", region, service]);
      }
      put(at("list-access-keys"), { AccessKeyMetadata: keys });
      while (reportKeys.length < 2) reportKeys.push(["false", "N/A", "N/A", "N/A", "N/A"]);

      const attached: Json[] = [];
      if (this.bad()) {
        attached.push({ PolicyName: "AdministratorAccess", PolicyArn: adminArn });
        adminUsers.push({ UserName: name, UserId: user.UserId });
      }
      if (this.bad()) {
        attached.push({ PolicyName: "sim-full-admin", PolicyArn: customArn });
        customUsers.push({ UserName: name, UserId: user.UserId });
      }
      put(at("list-attached-user-policies"), { AttachedPolicies: attached, IsTruncated: false });
      put(at("list-user-policies"), { PolicyNames: [], IsTruncated: false });

      reportRows.push([
        name,
        String(user.Arn),
        String(user.CreateDate),
        String(console),
        passwordLastUsed ?? (console ? "no_information" : "N/A"),
        console ? String(user.CreateDate) : "N/A",
        "N/A",
        String(mfa),
        ...(reportKeys[0] as string[]),
        ...(reportKeys[1] as string[]),
        "false",
        "N/A",
        "false",
        "N/A",
      ]);
    }

    // The root user: MFA (virtual when misconfigured), access keys only when misconfigured.
    const rootMfa = !this.bad();
    if (rootMfa && this.bad()) {
      virtualDevices.push({
        SerialNumber: `arn:aws:iam::${acct}:mfa/root-account-mfa-device`,
        EnableDate: this.ago(400),
      });
    }
    const rootKey = this.bad();
    const rootRow = [
      "<root_account>",
      `arn:aws:iam::${acct}:root`,
      accountCreated,
      "not_supported",
      this.ago(this.bad() ? 2 : 200),
      "not_supported",
      "not_supported",
      String(rootMfa),
      String(rootKey),
      rootKey ? this.ago(500) : "N/A",
      rootKey ? this.ago(3) : "N/A",
      rootKey ? "us-east-1" : "N/A",
      rootKey ? "ec2" : "N/A",
      "false",
      "N/A",
      "N/A",
      "N/A",
      "N/A",
      "false",
      "N/A",
      "false",
      "N/A",
    ];
    const header =
      "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";
    const csv = [header, ...[rootRow, ...reportRows].map((r) => r.join(","))].join("\n");
    const generated = new Date(this.asOf - 3600_000).toISOString().replace(".000Z", "Z");
    put("global/iam/generate-credential-report", { State: "COMPLETE" });
    put("global/iam/get-credential-report", {
      Content: Buffer.from(csv, "utf8").toString("base64"),
      ReportFormat: "text/csv",
      GeneratedTime: generated,
    });
    put("global/iam/list-users", { Users: users });
    put("global/iam/list-virtual-mfa-devices", { VirtualMFADevices: virtualDevices });

    // Password policy: missing, weak, or CIS-compliant.
    const policyChoice = this.bad() ? (this.rng.chance(0.5) ? "missing" : "weak") : "strong";
    if (policyChoice === "missing") {
      put("global/iam/get-account-password-policy", {
        Error: {
          Code: "NoSuchEntity",
          Message: `The Password Policy with domain name ${acct} cannot be found.`,
        },
      });
    } else {
      const strong = policyChoice === "strong";
      put("global/iam/get-account-password-policy", {
        PasswordPolicy: {
          MinimumPasswordLength: strong ? 14 : 8,
          RequireSymbols: strong,
          RequireNumbers: true,
          RequireUppercaseCharacters: strong,
          RequireLowercaseCharacters: true,
          AllowUsersToChangePassword: true,
          ExpirePasswords: false,
          ...(strong ? { PasswordReusePrevention: 24 } : {}),
          HardExpiry: false,
        },
      });
    }

    // Roles: the support role exists unless misconfigured.
    const trust = (service: string) => ({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }],
    });
    const roles: Json[] = [
      this.role("VigilScanRole", {
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "sts:AssumeRole" },
        ],
      }),
      this.role("sim-lambda-exec", trust("lambda.amazonaws.com")),
      this.role("sim-eks-cluster", trust("eks.amazonaws.com")),
    ];
    const supportRole = !this.bad();
    if (supportRole)
      roles.push(
        this.role("sim-support", {
          Version: "2012-10-17",
          Statement: [
            { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${acct}:root` }, Action: "sts:AssumeRole" },
          ],
        }),
      );
    put("global/iam/list-roles", { Roles: roles, IsTruncated: false });

    // Attached policies (list-policies --only-attached) with their default versions.
    const policies: Json[] = [];
    const addPolicy = (
      name: string,
      arn: string,
      document: Json,
      users: Json[],
      rolesFor: Json[],
      policyId?: string,
    ) => {
      const count = users.length + rolesFor.length;
      put(`global/iam/list-entities-for-policy/${name}`, {
        PolicyGroups: [],
        PolicyUsers: users,
        PolicyRoles: rolesFor,
        IsTruncated: false,
      });
      if (count === 0) return;
      const created = this.ago(1000);
      policies.push({
        PolicyName: name,
        // Drawn only here, after the early return, as before: the account's other draws stay put.
        PolicyId: policyId ?? this.upper("ANPA"),
        Arn: arn,
        Path: "/",
        DefaultVersionId: "v1",
        AttachmentCount: count,
        PermissionsBoundaryUsageCount: 0,
        IsAttachable: true,
        CreateDate: created,
        UpdateDate: created,
      });
      put(`global/iam/get-policy-version/${name}`, {
        PolicyVersion: { Document: document, VersionId: "v1", IsDefaultVersion: true, CreateDate: created },
      });
    };
    const fullAdmin = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
    addPolicy("AdministratorAccess", adminArn, fullAdmin, adminUsers, []);
    addPolicy("sim-full-admin", customArn, fullAdmin, customUsers, []);
    const support = roles.find((r) => r.RoleName === "sim-support");
    addPolicy(
      "AWSSupportAccess",
      "arn:aws:iam::aws:policy/AWSSupportAccess",
      { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["support:*"], Resource: "*" }] },
      [],
      support ? [{ RoleName: support.RoleName, RoleId: support.RoleId }] : [],
    );
    // The Lambda role's own policy: every action of S3 on its bucket (a service wildcard, IAM.21)
    // and decryption with one key, not all (KMS.1). Its id is fixed: no draw shifts what follows.
    const lambdaRole = roles.find((r) => r.RoleName === "sim-lambda-exec");
    addPolicy(
      "sim-deploy",
      `arn:aws:iam::${acct}:policy/sim-deploy`,
      {
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Action: "s3:*",
            Resource: [`arn:aws:s3:::sim-artifacts-${acct}`, `arn:aws:s3:::sim-artifacts-${acct}/*`],
          },
          {
            Effect: "Allow",
            Action: ["kms:Decrypt", "kms:GenerateDataKey"],
            Resource: `arn:aws:kms:us-east-1:${acct}:key/00000000-0000-4000-8000-000000000001`,
          },
        ],
      },
      [],
      lambdaRole ? [{ RoleName: lambdaRole.RoleName, RoleId: lambdaRole.RoleId }] : [],
      "ANPASIMDEPLOY0000001",
    );
    put("global/iam/list-policies", { Policies: policies, IsTruncated: false });

    put("global/iam/get-account-summary", {
      SummaryMap: {
        Users: users.length,
        UsersQuota: 5000,
        Groups: 0,
        GroupsQuota: 300,
        Roles: roles.length,
        RolesQuota: 1000,
        Policies: customUsers.length > 0 ? 1 : 0,
        PoliciesQuota: 1500,
        MFADevices: virtualDevices.length,
        MFADevicesInUse: mfaUsers + (rootMfa ? 1 : 0),
        AccountMFAEnabled: rootMfa ? 1 : 0,
        AccountAccessKeysPresent: rootKey ? 1 : 0,
        AccountSigningCertificatesPresent: 0,
        ServerCertificates: 0,
        InstanceProfiles: 0,
      },
    });
  }

  role(name: string, trust: Json): Json {
    return {
      Path: "/",
      RoleName: name,
      RoleId: this.upper("AROA"),
      Arn: `arn:aws:iam::${this.accountId}:role/${name}`,
      CreateDate: this.ago(this.rng.int(100, 900)),
      AssumeRolePolicyDocument: trust,
      MaxSessionDuration: 3600,
    };
  }

  // --- CloudTrail ---------------------------------------------------------------------------------

  trails(regions: readonly string[], buckets: readonly string[]): Trail[] {
    const home = regions[0] as string;
    const count = this.rng.int(1, 2);
    const trails: Trail[] = [];
    for (let i = 0; i < count; i++) {
      const name = i === 0 ? "management-events" : `sim-trail-${i}`;
      const multiRegion = i === 0 ? !this.bad() : false;
      const json: Json = {
        Name: name,
        S3BucketName: buckets[i % buckets.length],
        IncludeGlobalServiceEvents: multiRegion,
        IsMultiRegionTrail: multiRegion,
        HomeRegion: home,
        TrailARN: `arn:aws:cloudtrail:${home}:${this.accountId}:trail/${name}`,
        LogFileValidationEnabled: !this.bad(),
        HasCustomEventSelectors: false,
        HasInsightSelectors: false,
        IsOrganizationTrail: false,
      };
      if (i === 0 && !this.bad()) {
        json.CloudWatchLogsLogGroupArn = `arn:aws:logs:${home}:${this.accountId}:log-group:aws-cloudtrail-logs:*`;
        json.CloudWatchLogsRoleArn = `arn:aws:iam::${this.accountId}:role/sim-cloudtrail-logs`;
      }
      if (!this.bad()) json.KmsKeyId = `arn:aws:kms:${home}:${this.accountId}:key/${this.uuid()}`;
      trails.push({ json, home, multiRegion, logging: !this.bad() });
    }
    return trails;
  }

  uuid(): string {
    const h = this.rng.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
  }

  // --- one region ---------------------------------------------------------------------------------

  region(
    put: (k: string, v: unknown) => void,
    region: string,
    n: number,
    trails: readonly Trail[],
    logGroupArn?: string,
  ): void {
    const acct = this.accountId;
    const at = (service: string, command: string, resource?: string) =>
      `${region}/${service}/${command}${resource === undefined ? "" : `/${resource}`}`;
    const az = `${region}a`;

    // VPCs (one default) with default NACLs, default security groups and maybe flow logs.
    const vpcs: Json[] = [];
    const nacls: Json[] = [];
    const groups: Json[] = [];
    const flowLogs: Json[] = [];
    const vpcCount = 1 + Math.floor(n / 5);
    for (let v = 0; v < vpcCount; v++) {
      const vpcId = this.id("vpc");
      const cidr = `172.${16 + v}.0.0/16`;
      vpcs.push({
        CidrBlock: cidr,
        DhcpOptionsId: this.id("dopt"),
        State: "available",
        VpcId: vpcId,
        OwnerId: acct,
        InstanceTenancy: "default",
        CidrBlockAssociationSet: [
          {
            AssociationId: this.id("vpc-cidr-assoc"),
            CidrBlock: cidr,
            CidrBlockState: { State: "associated" },
          },
        ],
        IsDefault: v === 0,
        Tags: v === 0 ? [] : this.tags(`sim-vpc-${v}`),
      });
      nacls.push({
        Associations: [],
        Entries: [
          { CidrBlock: "0.0.0.0/0", Egress: true, Protocol: "-1", RuleAction: "allow", RuleNumber: 100 },
          { CidrBlock: "0.0.0.0/0", Egress: true, Protocol: "-1", RuleAction: "deny", RuleNumber: 32767 },
          { CidrBlock: "0.0.0.0/0", Egress: false, Protocol: "-1", RuleAction: "allow", RuleNumber: 100 },
          { CidrBlock: "0.0.0.0/0", Egress: false, Protocol: "-1", RuleAction: "deny", RuleNumber: 32767 },
        ],
        IsDefault: true,
        NetworkAclId: this.id("acl"),
        Tags: [],
        VpcId: vpcId,
        OwnerId: acct,
      });
      groups.push(this.securityGroup(vpcId, "default", "default VPC security group", this.bad()));
      if (!this.bad()) {
        flowLogs.push({
          CreationTime: this.ago(this.rng.int(30, 600)),
          DeliverLogsStatus: "SUCCESS",
          FlowLogId: this.id("fl"),
          FlowLogStatus: "ACTIVE",
          LogGroupName: `/vpc/flow-logs/${vpcId}`,
          ResourceId: vpcId,
          TrafficType: "REJECT",
          LogDestinationType: "cloud-watch-logs",
          LogFormat: FLOW_LOG_FORMAT,
          MaxAggregationInterval: 600,
          Tags: [],
        });
      }
    }
    const vpcOf = (i: number) => vpcs[i % vpcs.length] as Json;

    // Security groups, some open to the world on 22 or 3389.
    for (let s = 0; s < Math.max(1, Math.ceil(n / 2)); s++) {
      groups.push(
        this.securityGroup(String(vpcOf(s).VpcId), `sim-sg-${s}`, `sim security group ${s}`, this.bad()),
      );
    }

    // Instances, each with a root volume; some with public IPs and IMDSv1.
    const reservations: Json[] = [];
    const volumes: Json[] = [];
    for (let i = 0; i < n; i++) {
      const instanceId = this.id("i");
      const vpc = vpcOf(i);
      const group = this.rng.pick(groups.filter((g) => g.VpcId === vpc.VpcId));
      const launched = this.ago(this.rng.int(1, 400));
      const volumeId = this.id("vol");
      const ip = `172.${16 + vpcs.indexOf(vpc)}.${this.rng.int(0, 255)}.${this.rng.int(1, 254)}`;
      const publicIp = this.bad()
        ? `${this.rng.int(3, 54)}.${this.rng.int(0, 255)}.${this.rng.int(0, 255)}.${this.rng.int(1, 254)}`
        : undefined;
      const imdsV1 = this.bad();
      const subnetId = this.id("subnet");
      const instance: Json = {
        AmiLaunchIndex: 0,
        ImageId: this.id("ami"),
        InstanceId: instanceId,
        InstanceType: this.rng.pick(["t3.micro", "t3.small", "m6i.large", "c6g.xlarge"]),
        LaunchTime: launched,
        Monitoring: { State: "disabled" },
        Placement: { AvailabilityZone: az, GroupName: "", Tenancy: "default" },
        PrivateDnsName: `ip-${ip.replace(/\./g, "-")}.${region}.compute.internal`,
        PrivateIpAddress: ip,
        ProductCodes: [],
        PublicDnsName: publicIp ? `ec2-${publicIp.replace(/\./g, "-")}.${region}.compute.amazonaws.com` : "",
        ...(publicIp ? { PublicIpAddress: publicIp } : {}),
        State: { Code: 16, Name: "running" },
        StateTransitionReason: "",
        SubnetId: subnetId,
        VpcId: vpc.VpcId,
        Architecture: "x86_64",
        BlockDeviceMappings: [
          {
            DeviceName: "/dev/xvda",
            Ebs: { AttachTime: launched, DeleteOnTermination: true, Status: "attached", VolumeId: volumeId },
          },
        ],
        EbsOptimized: false,
        EnaSupport: true,
        Hypervisor: "xen",
        RootDeviceName: "/dev/xvda",
        RootDeviceType: "ebs",
        SecurityGroups: [{ GroupName: group.GroupName, GroupId: group.GroupId }],
        SourceDestCheck: true,
        Tags: this.tags(`sim-instance-${i}`),
        VirtualizationType: "hvm",
        MetadataOptions: {
          State: "applied",
          HttpTokens: imdsV1 ? "optional" : "required",
          HttpPutResponseHopLimit: imdsV1 ? 1 : 2,
          HttpEndpoint: "enabled",
          HttpProtocolIpv6: "disabled",
          InstanceMetadataTags: "disabled",
        },
      };
      reservations.push({ Groups: [], Instances: [instance], OwnerId: acct, ReservationId: this.id("r") });
      volumes.push(this.volume(volumeId, az, launched, instanceId));
    }
    for (let v = 0; v < Math.floor(n / 3); v++)
      volumes.push(this.volume(this.id("vol"), az, this.ago(this.rng.int(1, 300))));

    // Snapshots of some volumes; some public.
    const snapshots: Json[] = [];
    for (let s = 0; s < Math.ceil(n / 2); s++) {
      const volume = volumes[s % Math.max(1, volumes.length)];
      const snapshotId = this.id("snap");
      const encrypted = volume ? Boolean(volume.Encrypted) : false;
      snapshots.push({
        Description: `sim snapshot ${s}`,
        Encrypted: encrypted,
        OwnerId: acct,
        Progress: "100%",
        SnapshotId: snapshotId,
        StartTime: this.ago(this.rng.int(1, 200)),
        State: "completed",
        VolumeId: volume ? volume.VolumeId : "vol-ffffffff",
        VolumeSize: volume ? volume.Size : 8,
        StorageTier: "standard",
        Tags: this.tags(`sim-snapshot-${s}`),
      });
      put(at("ec2", "describe-snapshot-attribute", snapshotId), {
        SnapshotId: snapshotId,
        CreateVolumePermissions: !encrypted && this.bad() ? [{ Group: "all" }] : [],
      });
    }

    const templates: Json[] = [];
    for (let t = 0; t < Math.ceil(n / 3); t++) {
      templates.push({
        CreateTime: this.ago(this.rng.int(1, 300)),
        CreatedBy: `arn:aws:iam::${acct}:role/VigilScanRole`,
        DefaultVersionNumber: 1,
        LatestVersionNumber: 1,
        LaunchTemplateId: this.id("lt"),
        LaunchTemplateName: `sim-template-${t}`,
        Tags: this.tags(`sim-template-${t}`),
      });
    }

    put(at("ec2", "describe-instances"), { Reservations: reservations });
    put(at("ec2", "describe-security-groups"), { SecurityGroups: groups });
    put(at("ec2", "describe-volumes"), { Volumes: volumes });
    put(at("ec2", "describe-snapshots"), { Snapshots: snapshots });
    put(at("ec2", "describe-vpcs"), { Vpcs: vpcs });
    put(at("ec2", "describe-flow-logs"), { FlowLogs: flowLogs });
    put(at("ec2", "describe-network-acls"), { NetworkAcls: nacls });
    put(at("ec2", "describe-launch-templates"), { LaunchTemplates: templates });
    put(at("ec2", "get-ebs-encryption-by-default"), { EbsEncryptionByDefault: !this.bad() });

    // KMS keys, some without rotation.
    const keys: Json[] = [];
    for (let k = 0; k < Math.max(1, Math.ceil(n / 3)); k++) {
      const keyId = this.uuid();
      const arn = `arn:aws:kms:${region}:${acct}:key/${keyId}`;
      keys.push({ KeyId: keyId, KeyArn: arn });
      put(at("kms", "describe-key", keyId), {
        KeyMetadata: {
          AWSAccountId: acct,
          KeyId: keyId,
          Arn: arn,
          CreationDate: this.ago(this.rng.int(10, 900)),
          Enabled: true,
          Description: `sim key ${k}`,
          KeyUsage: "ENCRYPT_DECRYPT",
          KeyState: "Enabled",
          Origin: "AWS_KMS",
          KeyManager: "CUSTOMER",
          CustomerMasterKeySpec: "SYMMETRIC_DEFAULT",
          KeySpec: "SYMMETRIC_DEFAULT",
          EncryptionAlgorithms: ["SYMMETRIC_DEFAULT"],
          MultiRegion: false,
        },
      });
      put(at("kms", "get-key-rotation-status", keyId), { KeyRotationEnabled: !this.bad() });
    }
    put(at("kms", "list-keys"), { Keys: keys });

    // RDS instances (some public, unencrypted) and a manual snapshot of each.
    const dbs: Json[] = [];
    const dbSnapshots: Json[] = [];
    for (let d = 0; d < Math.max(1, Math.ceil(n / 3)); d++) {
      const id = `sim-db-${d}`;
      const encrypted = !this.bad();
      const created = this.ago(this.rng.int(30, 900));
      const engine = this.rng.pick(["postgres", "mysql"]);
      const port = engine === "postgres" ? 5432 : 3306;
      const resourceId = `db-${this.upper("", 26)}`;
      dbs.push({
        DBInstanceIdentifier: id,
        DBInstanceClass: "db.t3.micro",
        Engine: engine,
        DBInstanceStatus: "available",
        MasterUsername: "admin",
        Endpoint: {
          Address: `${id}.${this.rng.hex(12)}.${region}.rds.amazonaws.com`,
          Port: port,
          HostedZoneId: "Z2R2ITUGPM61AM",
        },
        AllocatedStorage: 20,
        InstanceCreateTime: created,
        PreferredBackupWindow: "03:00-04:00",
        BackupRetentionPeriod: this.bad() ? 0 : 7,
        DBSecurityGroups: [],
        VpcSecurityGroups: [{ VpcSecurityGroupId: String(groups[0]?.GroupId), Status: "active" }],
        AvailabilityZone: az,
        PreferredMaintenanceWindow: "sun:05:00-sun:06:00",
        MultiAZ: !this.bad(),
        EngineVersion: engine === "postgres" ? "16.3" : "8.0.39",
        AutoMinorVersionUpgrade: !this.bad(),
        PubliclyAccessible: this.bad(),
        StorageType: "gp3",
        DbInstancePort: 0,
        StorageEncrypted: encrypted,
        ...(encrypted ? { KmsKeyId: String(keys[0]?.KeyArn) } : {}),
        DbiResourceId: resourceId,
        CACertificateIdentifier: "rds-ca-rsa2048-g1",
        CopyTagsToSnapshot: true,
        // Enhanced Monitoring on the PostgreSQL instances (no random draw: the account's other choices stay as they were).
        MonitoringInterval: engine === "postgres" ? 60 : 0,
        ...(engine === "postgres"
          ? { MonitoringRoleArn: `arn:aws:iam::${acct}:role/rds-monitoring-role` }
          : {}),
        DBInstanceArn: `arn:aws:rds:${region}:${acct}:db:${id}`,
        // PostgreSQL publishes both its logs; MySQL only its error log (no random draw).
        EnabledCloudwatchLogsExports: engine === "postgres" ? ["postgresql", "upgrade"] : ["error"],
        IAMDatabaseAuthenticationEnabled: false,
        DeletionProtection: !this.bad(),
        TagList: this.tags(id),
      });
      const snapId = `sim-db-${d}-manual`;
      dbSnapshots.push({
        DBSnapshotIdentifier: snapId,
        DBInstanceIdentifier: id,
        SnapshotCreateTime: this.ago(this.rng.int(1, 30)),
        Engine: engine,
        AllocatedStorage: 20,
        Status: "available",
        Port: port,
        AvailabilityZone: az,
        VpcId: vpcOf(0).VpcId,
        InstanceCreateTime: created,
        MasterUsername: "admin",
        EngineVersion: engine === "postgres" ? "16.3" : "8.0.39",
        LicenseModel: engine === "postgres" ? "postgresql-license" : "general-public-license",
        SnapshotType: "manual",
        PercentProgress: 100,
        StorageType: "gp3",
        Encrypted: encrypted,
        DBSnapshotArn: `arn:aws:rds:${region}:${acct}:snapshot:${snapId}`,
        IAMDatabaseAuthenticationEnabled: false,
        DbiResourceId: resourceId,
        TagList: [],
      });
      put(at("rds", "describe-db-snapshot-attributes", snapId), {
        DBSnapshotAttributesResult: {
          DBSnapshotIdentifier: snapId,
          DBSnapshotAttributes: [
            { AttributeName: "restore", AttributeValues: !encrypted && this.bad() ? ["all"] : [] },
          ],
        },
      });
    }
    put(at("rds", "describe-db-instances"), { DBInstances: dbs });
    put(at("rds", "describe-db-snapshots"), { DBSnapshots: dbSnapshots });

    // Lambda functions.
    const functions: Json[] = [];
    for (let f = 0; f < Math.ceil(n / 3); f++) {
      const name = `sim-function-${f}`;
      functions.push({
        FunctionName: name,
        FunctionArn: `arn:aws:lambda:${region}:${acct}:function:${name}`,
        Runtime: this.bad() ? "python3.7" : "nodejs20.x",
        Role: `arn:aws:iam::${acct}:role/sim-lambda-exec`,
        Handler: "index.handler",
        CodeSize: this.rng.int(300, 50_000),
        Description: "",
        Timeout: 3,
        MemorySize: 128,
        LastModified: new Date(Date.parse(this.ago(this.rng.int(1, 300))))
          .toISOString()
          .replace("Z", "+0000"),
        CodeSha256: Buffer.from(this.rng.hex(32), "hex").toString("base64"),
        Version: "$LATEST",
        TracingConfig: { Mode: "PassThrough" },
        RevisionId: this.uuid(),
        PackageType: "Zip",
        Architectures: ["x86_64"],
        EphemeralStorage: { Size: 512 },
      });
    }
    put(at("lambda", "list-functions"), { Functions: functions });

    // EKS clusters.
    const clusters: string[] = [];
    for (let c = 0; c < Math.floor(n / 5); c++) {
      const name = `sim-cluster-${c}`;
      clusters.push(name);
      const publicEndpoint = this.bad();
      put(at("eks", "describe-cluster", name), {
        cluster: {
          name,
          arn: `arn:aws:eks:${region}:${acct}:cluster/${name}`,
          createdAt: this.ago(this.rng.int(10, 400)),
          version: "1.30",
          endpoint: `https://${this.rng.hex(32).toUpperCase()}.gr7.${region}.eks.amazonaws.com`,
          roleArn: `arn:aws:iam::${acct}:role/sim-eks-cluster`,
          resourcesVpcConfig: {
            subnetIds: [this.id("subnet")],
            securityGroupIds: [],
            clusterSecurityGroupId: String(groups[0]?.GroupId),
            vpcId: vpcOf(c).VpcId,
            endpointPublicAccess: publicEndpoint,
            endpointPrivateAccess: true,
            publicAccessCidrs: publicEndpoint ? ["0.0.0.0/0"] : [],
          },
          kubernetesNetworkConfig: { serviceIpv4Cidr: "10.100.0.0/16", ipFamily: "ipv4" },
          logging: { clusterLogging: [{ types: ["api", "audit", "authenticator"], enabled: !this.bad() }] },
          status: "ACTIVE",
          certificateAuthority: { data: Buffer.from(`sim-ca-${name}`).toString("base64") },
          platformVersion: "eks.8",
          tags: {},
        },
      });
    }
    put(at("eks", "list-clusters"), { clusters });

    // Auto Scaling groups on the launch templates.
    const asgs: Json[] = [];
    for (let a = 0; a < Math.floor(n / 5); a++) {
      const name = `sim-asg-${a}`;
      const template = templates[a % Math.max(1, templates.length)];
      const vigil = this.rng.chance(0.3);
      asgs.push({
        AutoScalingGroupName: name,
        AutoScalingGroupARN: `arn:aws:autoscaling:${region}:${acct}:autoScalingGroup:${this.uuid()}:autoScalingGroupName/${name}`,
        ...(template
          ? {
              LaunchTemplate: {
                LaunchTemplateId: template.LaunchTemplateId,
                LaunchTemplateName: template.LaunchTemplateName,
                Version: "$Default",
              },
            }
          : {}),
        MinSize: 0,
        MaxSize: 2,
        DesiredCapacity: 0,
        DefaultCooldown: 300,
        AvailabilityZones: [az],
        LoadBalancerNames: [],
        TargetGroupARNs: [],
        HealthCheckType: "EC2",
        HealthCheckGracePeriod: 300,
        Instances: [],
        CreatedTime: this.ago(this.rng.int(1, 300)),
        SuspendedProcesses: [],
        VPCZoneIdentifier: this.id("subnet"),
        EnabledMetrics: [],
        Tags: vigil
          ? [
              {
                ResourceId: name,
                ResourceType: "auto-scaling-group",
                Key: "Created By",
                Value: "Vigil",
                PropagateAtLaunch: true,
              },
            ]
          : [],
        TerminationPolicies: ["Default"],
        NewInstancesProtectedFromScaleIn: false,
        ServiceLinkedRoleARN: `arn:aws:iam::${acct}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
      });
    }
    put(at("autoscaling", "describe-auto-scaling-groups"), { AutoScalingGroups: asgs });

    // CloudTrail: multi-region trails show in every region (shadow trails); the rest at home.
    const visible = trails.filter((t) => t.multiRegion || t.home === region);
    put(at("cloudtrail", "describe-trails"), { trailList: visible.map((t) => t.json) });
    for (const t of trails.filter((x) => x.home === region)) {
      const name = String(t.json.Name);
      put(at("cloudtrail", "get-trail-status", name), {
        IsLogging: t.logging,
        LatestDeliveryTime: this.ago(0),
        StartLoggingTime: this.ago(700),
        LatestDeliveryAttemptTime: this.ago(0).replace(".000Z", "Z"),
        LatestDeliveryAttemptSucceeded: this.ago(0),
        TimeLoggingStarted: this.ago(700),
      });
      put(at("cloudtrail", "get-event-selectors", name), {
        TrailARN: t.json.TrailARN,
        EventSelectors: [
          {
            ReadWriteType: this.bad() ? "WriteOnly" : "All",
            IncludeManagementEvents: true,
            DataResources: [],
            ExcludeManagementEventSources: [],
          },
        ],
      });
    }

    // Metric filters and alarms for some CIS patterns, on the trail's log group (home region).
    const metricFilters: Json[] = [];
    const alarms: Json[] = [];
    if (logGroupArn) {
      const logGroupName = "aws-cloudtrail-logs";
      const topic = `arn:aws:sns:${region}:${acct}:sim-security-alarms`;
      for (const [name, pattern] of CIS_PATTERNS) {
        if (this.bad()) continue;
        const metricName = `cis-${name}`;
        metricFilters.push({
          filterName: name,
          filterPattern: pattern,
          metricTransformations: [{ metricName, metricNamespace: "CISBenchmark", metricValue: "1" }],
          creationTime: Date.parse(this.ago(this.rng.int(30, 300))),
          logGroupName,
        });
        if (this.bad()) continue;
        const updated = this.ago(this.rng.int(1, 30));
        alarms.push({
          AlarmName: `cis-${name}-alarm`,
          AlarmArn: `arn:aws:cloudwatch:${region}:${acct}:alarm:cis-${name}-alarm`,
          AlarmConfigurationUpdatedTimestamp: updated,
          ActionsEnabled: true,
          OKActions: [],
          AlarmActions: [topic],
          InsufficientDataActions: [],
          StateValue: "OK",
          StateReason: "Threshold Crossed: no datapoints were received for 1 period.",
          StateUpdatedTimestamp: updated,
          MetricName: metricName,
          Namespace: "CISBenchmark",
          Statistic: "Sum",
          Dimensions: [],
          Period: 300,
          EvaluationPeriods: 1,
          Threshold: 1,
          ComparisonOperator: "GreaterThanOrEqualToThreshold",
        });
      }
    }
    put(at("logs", "describe-metric-filters"), { metricFilters });
    put(at("cloudwatch", "describe-alarms"), { MetricAlarms: alarms, CompositeAlarms: [] });
  }

  securityGroup(vpcId: string, name: string, description: string, open: boolean): Json {
    const admin = this.rng.pick([22, 3389]);
    const permissions: Json[] = [
      {
        FromPort: 443,
        IpProtocol: "tcp",
        IpRanges: [{ CidrIp: "0.0.0.0/0" }],
        Ipv6Ranges: [],
        PrefixListIds: [],
        ToPort: 443,
        UserIdGroupPairs: [],
      },
    ];
    permissions.push(
      open
        ? {
            FromPort: admin,
            IpProtocol: "tcp",
            IpRanges: [{ CidrIp: "0.0.0.0/0", Description: "admin from anywhere" }],
            Ipv6Ranges: [],
            PrefixListIds: [],
            ToPort: admin,
            UserIdGroupPairs: [],
          }
        : {
            FromPort: admin,
            IpProtocol: "tcp",
            IpRanges: [{ CidrIp: "10.0.0.0/8" }],
            Ipv6Ranges: [],
            PrefixListIds: [],
            ToPort: admin,
            UserIdGroupPairs: [],
          },
    );
    return {
      Description: description,
      GroupName: name,
      IpPermissions: permissions,
      OwnerId: this.accountId,
      GroupId: this.id("sg"),
      IpPermissionsEgress: [
        {
          IpProtocol: "-1",
          IpRanges: [{ CidrIp: "0.0.0.0/0" }],
          Ipv6Ranges: [],
          PrefixListIds: [],
          UserIdGroupPairs: [],
        },
      ],
      Tags: name === "default" ? [] : this.tags(name),
      VpcId: vpcId,
    };
  }

  volume(volumeId: string, az: string, created: string, instanceId?: string): Json {
    const encrypted = !this.bad();
    return {
      Attachments: instanceId
        ? [
            {
              AttachTime: created,
              Device: "/dev/xvda",
              InstanceId: instanceId,
              State: "attached",
              VolumeId: volumeId,
              DeleteOnTermination: true,
            },
          ]
        : [],
      AvailabilityZone: az,
      CreateTime: created,
      Encrypted: encrypted,
      Size: this.rng.pick([8, 20, 100]),
      SnapshotId: "",
      State: instanceId ? "in-use" : "available",
      VolumeId: volumeId,
      Iops: 3000,
      Tags: this.tags(`sim-volume-${volumeId.slice(-4)}`),
      VolumeType: "gp3",
      MultiAttachEnabled: false,
      Throughput: 125,
    };
  }
}
