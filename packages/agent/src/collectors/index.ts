import {
  accessAnalyzerCollector,
  configRecordersCollector,
  efsFileSystemsCollector,
  iamServerCertificatesCollector,
  s3AccountPublicAccessBlockCollector,
  securityHubCollector,
} from "./account-services.ts";
import { acmCertificatesCollector } from "./acm.ts";
import { restApisCollector, v2ApisCollector } from "./apigateway.ts";
import { cloudFrontDistributionsCollector } from "./cloudfront.ts";
import { cloudTrailCollector } from "./cloudtrail.ts";
import type { Collector } from "./collector.ts";
import { eksClustersCollector, lambdaFunctionsCollector } from "./compute.ts";
import {
  dmsEndpointsCollector,
  dmsReplicationInstancesCollector,
  dmsReplicationTasksCollector,
} from "./dms.ts";
import { dynamoDbTablesCollector } from "./dynamodb.ts";
import {
  ebsDefaultEncryptionCollector,
  ec2InstancesCollector,
  networkAclsCollector,
  securityGroupsCollector,
  snapshotsCollector,
  volumesCollector,
  vpcsCollector,
} from "./ec2.ts";
import { ecrRepositoriesCollector } from "./ecr.ts";
import { ecsClustersCollector, ecsTaskDefinitionsCollector } from "./ecs.ts";
import { elastiCacheReplicationGroupsCollector } from "./elasticache.ts";
import { elbLoadBalancersCollector, elbv2LoadBalancersCollector } from "./elb.ts";
import {
  iamPasswordPolicyCollector,
  iamPoliciesCollector,
  iamRolesCollector,
  iamUsersCollector,
} from "./iam.ts";
import { kafkaClustersCollector } from "./kafka.ts";
import { kinesisStreamsCollector } from "./kinesis.ts";
import { kmsKeysCollector } from "./kms.ts";
import { cisMonitoringCollector } from "./monitoring.ts";
import {
  networkFirewallPoliciesCollector,
  networkFirewallRuleGroupsCollector,
  networkFirewallsCollector,
} from "./networkfirewall.ts";
import { rdsInstancesCollector, rdsSnapshotsCollector } from "./rds.ts";
import { s3BucketsCollector } from "./s3.ts";
import {
  sageMakerEndpointConfigsCollector,
  sageMakerModelsCollector,
  sageMakerNotebookInstancesCollector,
} from "./sagemaker.ts";
import { secretsManagerSecretsCollector } from "./secretsmanager.ts";
import { snsTopicsCollector } from "./sns.ts";
import { sqsQueuesCollector } from "./sqs.ts";
import { cloudFrontWebAclsCollector, regionalWebAclsCollector } from "./wafv2.ts";

export { acmCertificateAsset } from "./acm.ts";
export { restApiAsset, v2ApiAsset } from "./apigateway.ts";
export { cisPatternsOf } from "./cis-patterns.ts";
export { cloudFrontDistributionAsset } from "./cloudfront.ts";
export type {
  CollectContext,
  Collector,
  CollectorOutput,
  MonitoringFacts,
  RegionTrails,
  S3DataEventSelector,
  TrailFacts,
  Uncovered,
} from "./collector.ts";
export { notListed, type Uncovered as UncoveredPairOf } from "./collector.ts";
export { type CredentialReportRow, parseCredentialReport } from "./credential-report.ts";
export { dmsEndpointAsset, dmsReplicationInstanceAsset, dmsReplicationTaskAsset } from "./dms.ts";
export { dynamoDbTableAsset } from "./dynamodb.ts";
export { ecrRepositoryAsset } from "./ecr.ts";
export { ecsClusterAsset, ecsTaskDefinitionAsset } from "./ecs.ts";
export { elastiCacheReplicationGroupAsset } from "./elasticache.ts";
export { elbLoadBalancerAsset, elbv2LoadBalancerAsset } from "./elb.ts";
export { kafkaClusterAsset } from "./kafka.ts";
export { kinesisStreamAsset } from "./kinesis.ts";
export { type LinkInput, linkAssets } from "./link.ts";
export {
  networkFirewallAsset,
  networkFirewallPolicyAsset,
  networkFirewallRuleGroupAsset,
} from "./networkfirewall.ts";
export {
  sageMakerEndpointConfigAsset,
  sageMakerModelAsset,
  sageMakerNotebookInstanceAsset,
} from "./sagemaker.ts";
export { secretAsset } from "./secretsmanager.ts";
export { snsTopicAsset } from "./sns.ts";
export { sqsQueueAsset } from "./sqs.ts";
export { UnreadFields } from "./unread.ts";
export { webAclAsset } from "./wafv2.ts";

/** Every collector, regional first. One per resource type (a few produce related types together). */
export const COLLECTORS: readonly Collector[] = [
  ec2InstancesCollector,
  securityGroupsCollector,
  volumesCollector,
  snapshotsCollector,
  vpcsCollector,
  networkAclsCollector,
  ebsDefaultEncryptionCollector,
  rdsInstancesCollector,
  rdsSnapshotsCollector,
  cloudTrailCollector,
  kmsKeysCollector,
  cisMonitoringCollector,
  lambdaFunctionsCollector,
  eksClustersCollector,
  accessAnalyzerCollector,
  configRecordersCollector,
  securityHubCollector,
  efsFileSystemsCollector,
  elbv2LoadBalancersCollector,
  elbLoadBalancersCollector,
  restApisCollector,
  v2ApisCollector,
  acmCertificatesCollector,
  regionalWebAclsCollector,
  dynamoDbTablesCollector,
  sqsQueuesCollector,
  snsTopicsCollector,
  secretsManagerSecretsCollector,
  ecrRepositoriesCollector,
  ecsTaskDefinitionsCollector,
  ecsClustersCollector,
  elastiCacheReplicationGroupsCollector,
  dmsReplicationInstancesCollector,
  dmsEndpointsCollector,
  dmsReplicationTasksCollector,
  kafkaClustersCollector,
  kinesisStreamsCollector,
  sageMakerNotebookInstancesCollector,
  sageMakerEndpointConfigsCollector,
  sageMakerModelsCollector,
  networkFirewallsCollector,
  networkFirewallPoliciesCollector,
  networkFirewallRuleGroupsCollector,
  s3BucketsCollector,
  s3AccountPublicAccessBlockCollector,
  iamUsersCollector,
  iamPasswordPolicyCollector,
  iamRolesCollector,
  iamPoliciesCollector,
  iamServerCertificatesCollector,
  cloudFrontDistributionsCollector,
  cloudFrontWebAclsCollector,
];

export {
  accessAnalyzerCollector,
  acmCertificatesCollector,
  cisMonitoringCollector,
  cloudFrontDistributionsCollector,
  cloudFrontWebAclsCollector,
  cloudTrailCollector,
  configRecordersCollector,
  dmsEndpointsCollector,
  dmsReplicationInstancesCollector,
  dmsReplicationTasksCollector,
  dynamoDbTablesCollector,
  ebsDefaultEncryptionCollector,
  ec2InstancesCollector,
  ecrRepositoriesCollector,
  ecsClustersCollector,
  ecsTaskDefinitionsCollector,
  efsFileSystemsCollector,
  eksClustersCollector,
  elastiCacheReplicationGroupsCollector,
  elbLoadBalancersCollector,
  elbv2LoadBalancersCollector,
  iamPasswordPolicyCollector,
  iamPoliciesCollector,
  iamRolesCollector,
  iamServerCertificatesCollector,
  iamUsersCollector,
  kafkaClustersCollector,
  kinesisStreamsCollector,
  kmsKeysCollector,
  lambdaFunctionsCollector,
  networkAclsCollector,
  networkFirewallPoliciesCollector,
  networkFirewallRuleGroupsCollector,
  networkFirewallsCollector,
  rdsInstancesCollector,
  rdsSnapshotsCollector,
  regionalWebAclsCollector,
  restApisCollector,
  s3AccountPublicAccessBlockCollector,
  s3BucketsCollector,
  sageMakerEndpointConfigsCollector,
  sageMakerModelsCollector,
  sageMakerNotebookInstancesCollector,
  secretsManagerSecretsCollector,
  securityGroupsCollector,
  securityHubCollector,
  snapshotsCollector,
  snsTopicsCollector,
  sqsQueuesCollector,
  v2ApisCollector,
  volumesCollector,
  vpcsCollector,
};
