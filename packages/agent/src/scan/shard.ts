import { type Asset, parseAsset, type ResourceType } from "../assets/index.ts";
import type { AwsClients } from "../aws/clients.ts";
import { type EvaluationPlan, emptySummary, evaluateAsset } from "../checks/evaluate.ts";
import type { Collector, MonitoringFacts, RegionTrails, Uncovered } from "../collectors/collector.ts";
import { linkAssets } from "../collectors/link.ts";
import { AccountReader, type CallProblem, type RawRecorder } from "../discovery/reader.ts";
import type { ShardKind } from "../scheduler/shards.ts";
import { assessedData, describeChecks } from "./assessed.ts";

/**
 * The scan flow cut into shards: a shard is (region, service group). Regional groups run their
 * collectors in one region. The `account` group runs once, in the home region: the global
 * collectors (IAM, S3) and — because `linkAssets` needs every region's trails (S3 object-level
 * logging, CIS 4.x monitoring) — CloudTrail and the CloudWatch Logs monitoring facts of every
 * scanned region. Together the groups run exactly the collectors of `COLLECTORS`.
 *
 * A group's collectors are loaded when a shard of it runs (`load`): in the Lambda bundle each group
 * is its own chunk with its SDK clients, so a cold start loads only what its shard scans. What the
 * planner needs (service, scope, asset types) is known without loading; a test keeps `assetTypes`
 * equal to what the loaded collectors produce.
 */
export interface ServiceGroup {
  readonly service: string;
  readonly scope: "regional" | "global";
  readonly assetTypes: readonly ResourceType[];
  load(): Promise<GroupCollectors>;
}

export interface GroupCollectors {
  /** Run in the shard's region. */
  readonly collectors: readonly Collector[];
  /**
   * Account group only: run in every scanned region, for the facts `linkAssets` needs (trails,
   * metric filters) and for regional resources of the services this shard loads (S3 directory buckets).
   */
  readonly everyRegion?: readonly Collector[];
}

/** A group whose collectors are at hand (tests narrowing a scan to some collectors). */
export function serviceGroup(
  service: string,
  scope: ServiceGroup["scope"],
  collectors: GroupCollectors,
): ServiceGroup {
  const assetTypes = [
    ...new Set([...collectors.collectors, ...(collectors.everyRegion ?? [])].flatMap((c) => c.resourceTypes)),
  ];
  return { service, scope, assetTypes, load: async () => collectors };
}

export const SERVICE_GROUPS: readonly ServiceGroup[] = [
  {
    service: "ec2",
    scope: "regional",
    assetTypes: [
      "aws.ec2.instance",
      "aws.ec2.security-group",
      "aws.ec2.volume",
      "aws.ec2.snapshot",
      "aws.ec2.vpc",
      "aws.ec2.network-acl",
      "aws.ec2.subnet",
      "aws.ec2.vpn-connection",
      "aws.ec2.transit-gateway",
      "aws.ec2.client-vpn-endpoint",
      "aws.ec2.network-interface",
      "aws.ec2.spot-fleet-request",
      "aws.ec2.account-settings",
    ],
    load: async () => {
      const [m, n] = await Promise.all([
        import("../collectors/ec2.ts"),
        import("../collectors/ec2-network.ts"),
      ]);
      return {
        collectors: [
          m.ec2InstancesCollector,
          m.securityGroupsCollector,
          m.volumesCollector,
          m.snapshotsCollector,
          m.vpcsCollector,
          m.networkAclsCollector,
          m.subnetsCollector,
          n.vpnConnectionsCollector,
          n.transitGatewaysCollector,
          n.clientVpnEndpointsCollector,
          n.networkInterfacesCollector,
          n.spotFleetRequestsCollector,
          m.ebsDefaultEncryptionCollector,
        ],
      };
    },
  },
  {
    service: "rds",
    scope: "regional",
    assetTypes: ["aws.rds.instance", "aws.rds.snapshot", "aws.rds.account-settings", "aws.rds.db-proxy"],
    load: async () => {
      const m = await import("../collectors/rds.ts");
      return {
        collectors: [
          m.rdsInstancesCollector,
          m.rdsSnapshotsCollector,
          m.rdsSettingsCollector,
          m.rdsProxiesCollector,
        ],
      };
    },
  },
  {
    service: "kms",
    scope: "regional",
    assetTypes: ["aws.kms.key"],
    load: async () => ({ collectors: [(await import("../collectors/kms.ts")).kmsKeysCollector] }),
  },
  {
    service: "lambda",
    scope: "regional",
    assetTypes: ["aws.lambda.function"],
    load: async () => ({ collectors: [(await import("../collectors/compute.ts")).lambdaFunctionsCollector] }),
  },
  {
    service: "eks",
    scope: "regional",
    assetTypes: ["aws.eks.cluster"],
    load: async () => ({ collectors: [(await import("../collectors/compute.ts")).eksClustersCollector] }),
  },
  {
    // Application, Network and Gateway Load Balancers (elbv2) and Classic Load Balancers.
    service: "elb",
    scope: "regional",
    assetTypes: ["aws.elbv2.load-balancer", "aws.elb.load-balancer"],
    load: async () => {
      const m = await import("../collectors/elb.ts");
      return { collectors: [m.elbv2LoadBalancersCollector, m.elbLoadBalancersCollector] };
    },
  },
  {
    // REST APIs (apigateway) and HTTP/WebSocket APIs (apigatewayv2).
    service: "apigateway",
    scope: "regional",
    assetTypes: ["aws.apigateway.rest-api", "aws.apigatewayv2.api"],
    load: async () => {
      const m = await import("../collectors/apigateway.ts");
      return { collectors: [m.restApisCollector, m.v2ApisCollector] };
    },
  },
  {
    service: "acm",
    scope: "regional",
    assetTypes: ["aws.acm.certificate"],
    load: async () => ({ collectors: [(await import("../collectors/acm.ts")).acmCertificatesCollector] }),
  },
  {
    // REGIONAL web ACLs; the CLOUDFRONT ones are read once, with the CloudFront group.
    service: "wafv2",
    scope: "regional",
    assetTypes: ["aws.wafv2.web-acl"],
    load: async () => ({ collectors: [(await import("../collectors/wafv2.ts")).regionalWebAclsCollector] }),
  },
  {
    service: "dynamodb",
    scope: "regional",
    assetTypes: ["aws.dynamodb.table"],
    load: async () => ({ collectors: [(await import("../collectors/dynamodb.ts")).dynamoDbTablesCollector] }),
  },
  {
    service: "sqs",
    scope: "regional",
    assetTypes: ["aws.sqs.queue"],
    load: async () => ({ collectors: [(await import("../collectors/sqs.ts")).sqsQueuesCollector] }),
  },
  {
    service: "sns",
    scope: "regional",
    assetTypes: ["aws.sns.topic"],
    load: async () => ({ collectors: [(await import("../collectors/sns.ts")).snsTopicsCollector] }),
  },
  {
    service: "secretsmanager",
    scope: "regional",
    assetTypes: ["aws.secretsmanager.secret"],
    load: async () => ({
      collectors: [(await import("../collectors/secretsmanager.ts")).secretsManagerSecretsCollector],
    }),
  },
  {
    service: "ecr",
    scope: "regional",
    assetTypes: ["aws.ecr.repository"],
    load: async () => ({ collectors: [(await import("../collectors/ecr.ts")).ecrRepositoriesCollector] }),
  },
  {
    service: "ecs",
    scope: "regional",
    assetTypes: ["aws.ecs.task-definition", "aws.ecs.cluster", "aws.ecs.service"],
    load: async () => {
      const m = await import("../collectors/ecs.ts");
      return { collectors: [m.ecsTaskDefinitionsCollector, m.ecsClustersCollector] };
    },
  },
  {
    service: "elasticache",
    scope: "regional",
    assetTypes: ["aws.elasticache.replication-group", "aws.elasticache.cache-cluster"],
    load: async () => {
      const m = await import("../collectors/elasticache.ts");
      return { collectors: [m.elastiCacheReplicationGroupsCollector, m.elastiCacheCacheClustersCollector] };
    },
  },
  {
    // Region-wide services CIS and FSBP ask about, EFS, and S3 access points.
    service: "services",
    scope: "regional",
    assetTypes: [
      "aws.accessanalyzer.account-settings",
      "aws.config.account-settings",
      "aws.securityhub.account-settings",
      "aws.efs.file-system",
      "aws.efs.access-point",
      "aws.s3.access-point",
    ],
    load: async () => {
      const [m, accessPoints] = await Promise.all([
        import("../collectors/account-services.ts"),
        import("../collectors/s3-access-points.ts"),
      ]);
      return {
        collectors: [
          m.accessAnalyzerCollector,
          m.configRecordersCollector,
          m.securityHubCollector,
          m.efsFileSystemsCollector,
          m.efsAccessPointsCollector,
          accessPoints.s3AccessPointsCollector,
        ],
      };
    },
  },
  {
    service: "account",
    scope: "global",
    assetTypes: [
      "aws.iam.user",
      "aws.iam.root",
      "aws.iam.password-policy",
      "aws.iam.role",
      "aws.iam.policy",
      "aws.iam.account",
      "aws.iam.server-certificate",
      "aws.s3.bucket",
      "aws.s3.account-settings",
      "aws.s3.multi-region-access-point",
      "aws.organizations.account",
      "aws.cloudtrail.trail",
      "aws.cloudtrail.account-settings",
      "aws.logs.cis-monitoring",
      "aws.s3.directory-bucket",
    ],
    load: async () => {
      const [iam, s3, accessPoints, directoryBuckets, cloudtrail, monitoring, organizations] =
        await Promise.all([
          import("../collectors/iam.ts"),
          import("../collectors/s3.ts"),
          import("../collectors/s3-access-points.ts"),
          import("../collectors/s3-directory-buckets.ts"),
          import("../collectors/cloudtrail.ts"),
          import("../collectors/monitoring.ts"),
          import("../collectors/organizations.ts"),
        ]);
      return {
        collectors: [
          iam.iamUsersCollector,
          iam.iamPasswordPolicyCollector,
          iam.iamRolesCollector,
          iam.iamPoliciesCollector,
          iam.iamServerCertificatesCollector,
          s3.s3BucketsCollector,
          s3.s3AccountPublicAccessBlockCollector,
          accessPoints.s3MultiRegionAccessPointsCollector,
          organizations.organizationsCollector,
        ],
        // Directory buckets too: regional, but read with S3's client and checked by S3's checks,
        // which this shard loads anyway (a regional group of their own would load both again).
        everyRegion: [
          cloudtrail.cloudTrailCollector,
          monitoring.cisMonitoringCollector,
          directoryBuckets.s3DirectoryBucketsCollector,
        ],
      };
    },
  },
  // Global services answered in the home region: CloudFront distributions and the web ACLs of
  // WAF's CLOUDFRONT scope (which live in us-east-1).
  {
    service: "cloudfront",
    scope: "global",
    assetTypes: ["aws.cloudfront.distribution", "aws.wafv2.web-acl"],
    load: async () => {
      const [cloudfront, wafv2] = await Promise.all([
        import("../collectors/cloudfront.ts"),
        import("../collectors/wafv2.ts"),
      ]);
      return {
        collectors: [cloudfront.cloudFrontDistributionsCollector, wafv2.cloudFrontWebAclsCollector],
      };
    },
  },
  {
    // Data warehouses, search and graph/document databases: Redshift clusters, OpenSearch domains,
    // DocumentDB and Neptune clusters and cluster snapshots, and RDS's own clusters (all read
    // through the RDS API's cluster listing).
    service: "datastores",
    scope: "regional",
    assetTypes: [
      "aws.redshift.cluster",
      "aws.opensearch.domain",
      "aws.docdb.cluster",
      "aws.neptune.cluster",
      "aws.rds.cluster",
      "aws.docdb.cluster-snapshot",
      "aws.neptune.cluster-snapshot",
    ],
    load: async () => {
      const [redshift, opensearch, clusters] = await Promise.all([
        import("../collectors/redshift.ts"),
        import("../collectors/opensearch.ts"),
        import("../collectors/db-clusters.ts"),
      ]);
      return {
        collectors: [
          redshift.redshiftClustersCollector,
          opensearch.openSearchDomainsCollector,
          clusters.dbClustersCollector,
          clusters.dbClusterSnapshotsCollector,
        ],
      };
    },
  },
  {
    // Data movement, streaming and machine learning: Database Migration Service, and (one shard for
    // all of them) the services added with it.
    service: "dataflow",
    scope: "regional",
    assetTypes: [
      "aws.dms.replication-instance",
      "aws.dms.endpoint",
      "aws.dms.replication-task",
      "aws.kafka.cluster",
      "aws.kinesis.stream",
      "aws.kafkaconnect.connector",
      "aws.dax.cluster",
      "aws.sagemaker.notebook-instance",
      "aws.sagemaker.endpoint-config",
      "aws.sagemaker.model",
      "aws.networkfirewall.firewall",
      "aws.networkfirewall.firewall-policy",
      "aws.networkfirewall.rule-group",
    ],
    load: async () => {
      const [dms, kafka, kinesis, kafkaconnect, dax, sagemaker, networkfirewall] = await Promise.all([
        import("../collectors/dms.ts"),
        import("../collectors/kafka.ts"),
        import("../collectors/kinesis.ts"),
        import("../collectors/kafkaconnect.ts"),
        import("../collectors/dax.ts"),
        import("../collectors/sagemaker.ts"),
        import("../collectors/networkfirewall.ts"),
      ]);
      return {
        collectors: [
          dms.dmsReplicationInstancesCollector,
          dms.dmsEndpointsCollector,
          dms.dmsReplicationTasksCollector,
          kafka.kafkaClustersCollector,
          kinesis.kinesisStreamsCollector,
          kafkaconnect.kafkaConnectConnectorsCollector,
          dax.daxClustersCollector,
          sagemaker.sageMakerNotebookInstancesCollector,
          sagemaker.sageMakerEndpointConfigsCollector,
          sagemaker.sageMakerModelsCollector,
          networkfirewall.networkFirewallsCollector,
          networkfirewall.networkFirewallPoliciesCollector,
          networkfirewall.networkFirewallRuleGroupsCollector,
        ],
      };
    },
  },
  {
    // Threat detection and data protection in each region: GuardDuty, Inspector, Macie, AWS Backup.
    service: "security",
    scope: "regional",
    assetTypes: [
      "aws.guardduty.account-settings",
      "aws.inspector2.account-settings",
      "aws.macie2.account-settings",
      "aws.backup.vault",
      "aws.backup.recovery-point",
      "aws.backup.account-settings",
    ],
    load: async () => {
      const m = await import("../collectors/security-services.ts");
      return {
        collectors: [m.guardDutyCollector, m.inspectorCollector, m.macieCollector, m.backupCollector],
      };
    },
  },
  {
    // Operations and delivery: EC2 Auto Scaling and launch templates, CodeBuild, Step Functions,
    // Elastic Beanstalk, Systems Manager.
    service: "operations",
    scope: "regional",
    assetTypes: [
      "aws.autoscaling.group",
      "aws.autoscaling.launch-configuration",
      "aws.codebuild.project",
      "aws.codebuild.report-group",
      "aws.stepfunctions.state-machine",
      "aws.elasticbeanstalk.environment",
      "aws.ec2.launch-template",
      "aws.ssm.instance",
      "aws.ssm.document",
      "aws.ssm.document-sharing-setting",
      "aws.ssm.automation-log-setting",
    ],
    load: async () => {
      const [autoscaling, codebuild, operations, ssm] = await Promise.all([
        import("../collectors/autoscaling.ts"),
        import("../collectors/codebuild.ts"),
        import("../collectors/operations.ts"),
        import("../collectors/ssm.ts"),
      ]);
      return {
        collectors: [
          autoscaling.autoScalingGroupsCollector,
          autoscaling.launchConfigurationsCollector,
          codebuild.codeBuildProjectsCollector,
          codebuild.codeBuildReportGroupsCollector,
          operations.stateMachinesCollector,
          operations.elasticBeanstalkEnvironmentsCollector,
          operations.launchTemplatesCollector,
          ssm.ssmInstancesCollector,
          ssm.ssmDocumentsCollector,
          ssm.ssmDocumentSharingSettingCollector,
          ssm.ssmAutomationLogSettingCollector,
        ],
      };
    },
  },
];

/** The scheduler's shard kinds for these groups (`assetTypes` lets a scan narrow to some types). */
export function shardKindsOf(groups: readonly ServiceGroup[] = SERVICE_GROUPS): ShardKind[] {
  return groups.map((g) => ({
    service: g.service,
    scope: g.scope,
    assetType: g.assetTypes[0] ?? "unknown",
    assetTypes: [...g.assetTypes],
  }));
}

export const SCAN_SHARD_KINDS: readonly ShardKind[] = shardKindsOf();

export class UnknownShardError extends Error {
  override readonly name = "UnknownShardError";
}

export interface ShardCollection {
  readonly assets: Asset[];
  /** (region, type) pairs whose listing failed: their assets may be missing, so none is gone. */
  readonly uncovered: Uncovered[];
  readonly invalidAssets: { arn: string; type: string }[];
  readonly deniedCalls: CallProblem[];
  readonly failedCalls: CallProblem[];
}

export interface CollectShardOptions {
  readonly clients: AwsClients;
  readonly accountId: string;
  readonly partition?: string;
  readonly region: string;
  readonly service: string;
  /** Every region of the scan (the account group reads trails and monitoring facts in each). */
  readonly regions: readonly string[];
  /** Only collectors producing one of these types, and only assets of these types. */
  readonly assetTypes?: readonly string[];
  readonly groups?: readonly ServiceGroup[];
  /** Receives every answer as snapshot files (`captureSnapshot`). */
  readonly recorder?: RawRecorder;
  /** Throw on a read the AWS reads description (packages/events) does not describe, or not as described (tests). */
  readonly strictReads?: boolean;
}

/** Runs one shard's collectors and links and validates their assets, in a stable order. */
export async function collectShard(options: CollectShardOptions): Promise<ShardCollection> {
  const group = (options.groups ?? SERVICE_GROUPS).find((g) => g.service === options.service);
  if (!group) throw new UnknownShardError(`no service group "${options.service}" in the scan's shard kinds`);
  const wanted = options.assetTypes ? new Set(options.assetTypes) : undefined;
  const keep = (c: Collector) => !wanted || c.resourceTypes.some((t) => wanted.has(t));
  const { collectors, everyRegion } = await group.load();
  const partition = options.partition ?? "aws";
  const read = new AccountReader(options.recorder, { strict: options.strictReads === true });
  const { clients } = options;
  const context = (region: string) => ({
    accountId: options.accountId,
    partition,
    region,
    clients: clients.forRegion(region),
    clientsFor: (r: string) => clients.forRegion(r),
    read,
  });
  const assets: Asset[] = [];
  const trails: RegionTrails[] = [];
  const monitoring: MonitoringFacts[] = [];
  const uncovered: Uncovered[] = [];
  const run = async (collector: Collector, region: string) => {
    const out = await collector.collect(context(region));
    assets.push(...out.assets);
    if (out.trails) trails.push(out.trails);
    if (out.monitoring) monitoring.push(out.monitoring);
    if (out.uncovered) uncovered.push(...out.uncovered);
  };
  await Promise.all([
    ...collectors.filter(keep).map((c) => run(c, options.region)),
    ...(everyRegion ?? []).filter(keep).flatMap((c) => options.regions.map((r) => run(c, r))),
  ]);
  const linked = everyRegion
    ? linkAssets({ accountId: options.accountId, regions: options.regions, assets, trails, monitoring })
    : assets;
  const valid: Asset[] = [];
  const invalidAssets: { arn: string; type: string }[] = [];
  for (const asset of linked) {
    if (wanted && !wanted.has(asset.type)) continue;
    const parsed = parseAsset(asset);
    if (parsed.ok) valid.push(parsed.asset);
    else invalidAssets.push({ arn: asset.arn, type: asset.type });
  }
  valid.sort((a, b) => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : a.type < b.type ? -1 : 1));
  return { assets: valid, uncovered, invalidAssets, deniedCalls: read.denied, failedCalls: read.failed };
}

/** Evaluates a shard's assets: what `asset-assessed` carries (identity and results, never configuration). */
export function assessShard(
  plan: EvaluationPlan,
  assets: readonly Asset[],
  partition = "aws",
  assessedAt = new Date().toISOString(),
) {
  const summary = emptySummary();
  const described = describeChecks(plan.checks);
  return assets.map((asset) => {
    const data = assessedData("-", evaluateAsset(plan, asset, summary), assessedAt, partition, described);
    return { asset: data.asset, results: data.results };
  });
}
