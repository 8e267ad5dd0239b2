import { lazySchema } from "@vigil/events";
import * as z from "zod";
import { autoScalingGroupSchema, autoScalingLaunchConfigurationSchema } from "./autoscaling.ts";
import { codeBuildProjectSchema, codeBuildReportGroupSchema } from "./codebuild.ts";
import {
  docDbClusterSchema,
  docDbClusterSnapshotSchema,
  neptuneClusterSchema,
  neptuneClusterSnapshotSchema,
  openSearchDomainSchema,
  rdsClusterSchema,
  redshiftClusterSchema,
} from "./datastores.ts";
import { dmsEndpointSchema, dmsReplicationInstanceSchema, dmsReplicationTaskSchema } from "./dms.ts";
import { daxClusterSchema, dynamoDbTableSchema } from "./dynamodb.ts";
import {
  ec2AccountSettingsSchema,
  ec2ClientVpnEndpointSchema,
  ec2InstanceSchema,
  ec2NetworkAclSchema,
  ec2NetworkInterfaceSchema,
  ec2SecurityGroupSchema,
  ec2SnapshotSchema,
  ec2SpotFleetRequestSchema,
  ec2SubnetSchema,
  ec2TransitGatewaySchema,
  ec2VolumeSchema,
  ec2VpcSchema,
  ec2VpnConnectionSchema,
} from "./ec2.ts";
import { ecrRepositorySchema } from "./ecr.ts";
import { ecsClusterSchema, ecsServiceSchema, ecsTaskDefinitionSchema } from "./ecs.ts";
import {
  acmCertificateSchema,
  apiGatewayRestApiSchema,
  apiGatewayV2ApiSchema,
  cloudFrontDistributionSchema,
  wafv2WebAclSchema,
} from "./edge.ts";
import { elastiCacheCacheClusterSchema, elastiCacheReplicationGroupSchema } from "./elasticache.ts";
import { elbLoadBalancerSchema, elbv2LoadBalancerSchema } from "./elb.ts";
import {
  accessAnalyzerSettingsSchema,
  iamAccountSchema,
  iamPasswordPolicySchema,
  iamPolicySchema,
  iamRoleSchema,
  iamRootSchema,
  iamServerCertificateSchema,
  iamUserSchema,
} from "./iam.ts";
import { kafkaClusterSchema, kafkaConnectConnectorSchema } from "./kafka.ts";
import { kinesisStreamSchema } from "./kinesis.ts";
import {
  networkFirewallFirewallSchema,
  networkFirewallPolicySchema,
  networkFirewallRuleGroupSchema,
} from "./networkfirewall.ts";
import {
  ec2LaunchTemplateSchema,
  elasticBeanstalkEnvironmentSchema,
  sfnStateMachineSchema,
} from "./operations.ts";
import { instanceOsSchema } from "./os.ts";
import {
  cisMonitoringSchema,
  cloudTrailAccountSchema,
  cloudTrailTrailSchema,
  configSettingsSchema,
  efsAccessPointSchema,
  efsFileSystemSchema,
  eksClusterSchema,
  kmsKeySchema,
  lambdaFunctionSchema,
  rdsAccountSettingsSchema,
  rdsDbProxySchema,
  rdsInstanceSchema,
  rdsSnapshotSchema,
  securityHubSettingsSchema,
} from "./other.ts";
import {
  s3AccessPointSchema,
  s3AccountSettingsSchema,
  s3BucketSchema,
  s3DirectoryBucketSchema,
  s3MultiRegionAccessPointSchema,
} from "./s3.ts";
import {
  sageMakerEndpointConfigSchema,
  sageMakerModelSchema,
  sageMakerNotebookInstanceSchema,
} from "./sagemaker.ts";
import { secretsManagerSecretSchema } from "./secretsmanager.ts";
import {
  backupRecoveryPointSchema,
  backupSettingsSchema,
  backupVaultSchema,
  guardDutySettingsSchema,
  inspectorSettingsSchema,
  macieSettingsSchema,
  organizationsAccountSchema,
} from "./security-services.ts";
import { snsTopicSchema } from "./sns.ts";
import { sqsQueueSchema } from "./sqs.ts";
import {
  ssmAutomationLogSettingSchema,
  ssmDocumentSchema,
  ssmDocumentSharingSettingSchema,
  ssmInstanceSchema,
} from "./ssm.ts";

export { accountIdSchema, GLOBAL_REGION, type UnreadField, unreadFieldSchema } from "./base.ts";
export { type DbParameterGroup, dbParameterGroupSchema } from "./db-parameters.ts";
export type { IpPermission, NetworkAclEntry } from "./ec2.ts";
export type { AccessKey } from "./iam.ts";
export type { InstanceOsConfig, OsFileInfo } from "./os.ts";
export { CIS_MONITORING_PATTERNS, type CisMonitoringPattern } from "./other.ts";
export {
  analyzeBucketPolicy,
  policyAllowsFullAdmin,
  policyAllowsKmsDecryptOnAllKeys,
  policyAllowsPublicAccess,
  policyServiceWildcards,
  trustAllowsAnyPrincipal,
} from "./policy-documents.ts";
export type { BucketPolicyFacts, PublicAccessBlock } from "./s3.ts";

/** One schema per resource type, keyed by the type name. */
export const assetSchemas = {
  "aws.ec2.instance": ec2InstanceSchema,
  "aws.ec2.security-group": ec2SecurityGroupSchema,
  "aws.ec2.volume": ec2VolumeSchema,
  "aws.ec2.snapshot": ec2SnapshotSchema,
  "aws.ec2.vpc": ec2VpcSchema,
  "aws.ec2.network-acl": ec2NetworkAclSchema,
  "aws.ec2.subnet": ec2SubnetSchema,
  "aws.ec2.vpn-connection": ec2VpnConnectionSchema,
  "aws.ec2.transit-gateway": ec2TransitGatewaySchema,
  "aws.ec2.client-vpn-endpoint": ec2ClientVpnEndpointSchema,
  "aws.ec2.network-interface": ec2NetworkInterfaceSchema,
  "aws.ec2.spot-fleet-request": ec2SpotFleetRequestSchema,
  "aws.ec2.account-settings": ec2AccountSettingsSchema,
  "aws.ec2.instance-os": instanceOsSchema,
  "aws.s3.bucket": s3BucketSchema,
  "aws.s3.account-settings": s3AccountSettingsSchema,
  "aws.s3.access-point": s3AccessPointSchema,
  "aws.s3.multi-region-access-point": s3MultiRegionAccessPointSchema,
  "aws.s3.directory-bucket": s3DirectoryBucketSchema,
  "aws.rds.instance": rdsInstanceSchema,
  "aws.rds.snapshot": rdsSnapshotSchema,
  "aws.iam.user": iamUserSchema,
  "aws.iam.root": iamRootSchema,
  "aws.iam.password-policy": iamPasswordPolicySchema,
  "aws.iam.role": iamRoleSchema,
  "aws.iam.policy": iamPolicySchema,
  "aws.iam.account": iamAccountSchema,
  "aws.iam.server-certificate": iamServerCertificateSchema,
  "aws.accessanalyzer.account-settings": accessAnalyzerSettingsSchema,
  "aws.cloudtrail.trail": cloudTrailTrailSchema,
  "aws.cloudtrail.account-settings": cloudTrailAccountSchema,
  "aws.kms.key": kmsKeySchema,
  "aws.logs.cis-monitoring": cisMonitoringSchema,
  "aws.lambda.function": lambdaFunctionSchema,
  "aws.eks.cluster": eksClusterSchema,
  "aws.efs.file-system": efsFileSystemSchema,
  "aws.efs.access-point": efsAccessPointSchema,
  "aws.config.account-settings": configSettingsSchema,
  "aws.securityhub.account-settings": securityHubSettingsSchema,
  "aws.elbv2.load-balancer": elbv2LoadBalancerSchema,
  "aws.elb.load-balancer": elbLoadBalancerSchema,
  "aws.cloudfront.distribution": cloudFrontDistributionSchema,
  "aws.apigateway.rest-api": apiGatewayRestApiSchema,
  "aws.apigatewayv2.api": apiGatewayV2ApiSchema,
  "aws.acm.certificate": acmCertificateSchema,
  "aws.wafv2.web-acl": wafv2WebAclSchema,
  "aws.dynamodb.table": dynamoDbTableSchema,
  "aws.sqs.queue": sqsQueueSchema,
  "aws.sns.topic": snsTopicSchema,
  "aws.secretsmanager.secret": secretsManagerSecretSchema,
  "aws.ecr.repository": ecrRepositorySchema,
  "aws.ecs.task-definition": ecsTaskDefinitionSchema,
  "aws.ecs.cluster": ecsClusterSchema,
  "aws.ecs.service": ecsServiceSchema,
  "aws.elasticache.replication-group": elastiCacheReplicationGroupSchema,
  "aws.elasticache.cache-cluster": elastiCacheCacheClusterSchema,
  "aws.redshift.cluster": redshiftClusterSchema,
  "aws.dms.replication-instance": dmsReplicationInstanceSchema,
  "aws.dms.endpoint": dmsEndpointSchema,
  "aws.dms.replication-task": dmsReplicationTaskSchema,
  "aws.opensearch.domain": openSearchDomainSchema,
  "aws.docdb.cluster": docDbClusterSchema,
  "aws.docdb.cluster-snapshot": docDbClusterSnapshotSchema,
  "aws.neptune.cluster": neptuneClusterSchema,
  "aws.neptune.cluster-snapshot": neptuneClusterSnapshotSchema,
  "aws.rds.cluster": rdsClusterSchema,
  "aws.rds.account-settings": rdsAccountSettingsSchema,
  "aws.rds.db-proxy": rdsDbProxySchema,
  "aws.kafka.cluster": kafkaClusterSchema,
  "aws.kinesis.stream": kinesisStreamSchema,
  "aws.dax.cluster": daxClusterSchema,
  "aws.kafkaconnect.connector": kafkaConnectConnectorSchema,
  "aws.guardduty.account-settings": guardDutySettingsSchema,
  "aws.inspector2.account-settings": inspectorSettingsSchema,
  "aws.macie2.account-settings": macieSettingsSchema,
  "aws.backup.vault": backupVaultSchema,
  "aws.backup.recovery-point": backupRecoveryPointSchema,
  "aws.backup.account-settings": backupSettingsSchema,
  "aws.organizations.account": organizationsAccountSchema,
  "aws.autoscaling.group": autoScalingGroupSchema,
  "aws.autoscaling.launch-configuration": autoScalingLaunchConfigurationSchema,
  "aws.codebuild.project": codeBuildProjectSchema,
  "aws.codebuild.report-group": codeBuildReportGroupSchema,
  "aws.stepfunctions.state-machine": sfnStateMachineSchema,
  "aws.elasticbeanstalk.environment": elasticBeanstalkEnvironmentSchema,
  "aws.ec2.launch-template": ec2LaunchTemplateSchema,
  "aws.ssm.instance": ssmInstanceSchema,
  "aws.ssm.document": ssmDocumentSchema,
  "aws.ssm.document-sharing-setting": ssmDocumentSharingSettingSchema,
  "aws.ssm.automation-log-setting": ssmAutomationLogSettingSchema,
  "aws.sagemaker.notebook-instance": sageMakerNotebookInstanceSchema,
  "aws.sagemaker.endpoint-config": sageMakerEndpointConfigSchema,
  "aws.sagemaker.model": sageMakerModelSchema,
  "aws.networkfirewall.firewall": networkFirewallFirewallSchema,
  "aws.networkfirewall.firewall-policy": networkFirewallPolicySchema,
  "aws.networkfirewall.rule-group": networkFirewallRuleGroupSchema,
} as const;

type Schemas = typeof assetSchemas;
export type ResourceType = keyof Schemas;
export const RESOURCE_TYPES = Object.keys(assetSchemas) as ResourceType[];

/** The asset of one resource type. */
export type AssetOf<T extends ResourceType> = z.infer<Schemas[T]>;
/** Any asset: a union discriminated by `type`. */
export type Asset = { [T in ResourceType]: AssetOf<T> }[ResourceType];
/** The part of an asset that travels with a report: everything but `config`. */
export type AssetHeader = Pick<Asset, "arn" | "type" | "region" | "accountId" | "name" | "tags">;

const schemaList = Object.values(assetSchemas) as unknown as [
  Schemas[ResourceType],
  ...Schemas[ResourceType][],
];
/** Any asset, discriminated by `type`; built on first use (it builds every type's schema). */
export const assetSchema = lazySchema(() => z.discriminatedUnion("type", schemaList));

export interface AssetIssue {
  readonly path: string;
  readonly message: string;
}

/** Thrown-free parsing: a typed asset, or the issues (path + what was expected) a collector must fix. */
export function parseAsset(input: unknown): { ok: true; asset: Asset } | { ok: false; issues: AssetIssue[] } {
  const result = schemaFor(input).safeParse(input);
  if (result.success) return { ok: true, asset: result.data as Asset };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      path: issue.path.map(String).join(".") || "(root)",
      message: issue.message,
    })),
  };
}

export function isResourceType(value: string): value is ResourceType {
  return Object.hasOwn(assetSchemas, value);
}

type ObjectSchema = z.ZodObject<z.ZodRawShape>;
const partialSchemas = new Map<string, z.ZodType>();

/**
 * The schema an asset is checked against: its type's, less the config fields it lists as unread
 * (they are absent by design). Built once per (type, unread fields).
 */
function schemaFor(input: unknown): z.ZodType {
  const asset = input as { type?: unknown; unread?: unknown } | null;
  const unread = asset?.unread;
  const type = asset?.type;
  // An unknown type gets the union's answer (which types exist); a known one its own schema, so a
  // shard builds the schemas of the types it collects and no others.
  if (typeof type !== "string" || !isResourceType(type)) return assetSchema;
  if (unread === null || typeof unread !== "object") return assetSchemas[type];
  const fields = Object.keys(unread).sort();
  if (fields.length === 0) return assetSchemas[type];
  const key = `${type}|${fields.join(",")}`;
  let schema = partialSchemas.get(key);
  if (!schema) {
    const whole = assetSchemas[type] as unknown as ObjectSchema;
    const config = whole.shape.config as ObjectSchema;
    if (typeof config?.omit !== "function") return assetSchema;
    const omit = Object.fromEntries(fields.filter((f) => f in config.shape).map((f) => [f, true] as const));
    schema = whole.extend({ config: config.omit(omit) });
    partialSchemas.set(key, schema);
  }
  return schema;
}
