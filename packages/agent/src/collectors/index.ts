import {
  accessAnalyzerCollector,
  configRecordersCollector,
  efsAccessPointsCollector,
  efsFileSystemsCollector,
  securityHubCollector,
} from "./account-services.ts";
import { acmCertificatesCollector } from "./acm.ts";
import { restApisCollector, v2ApisCollector } from "./apigateway.ts";
import { autoScalingGroupsCollector, launchConfigurationsCollector } from "./autoscaling.ts";
import { cloudFrontDistributionsCollector } from "./cloudfront.ts";
import { cloudTrailCollector } from "./cloudtrail.ts";
import { codeBuildProjectsCollector, codeBuildReportGroupsCollector } from "./codebuild.ts";
import type { Collector } from "./collector.ts";
import { eksClustersCollector, lambdaFunctionsCollector } from "./compute.ts";
import { daxClustersCollector } from "./dax.ts";
import { dbClusterSnapshotsCollector, dbClustersCollector } from "./db-clusters.ts";
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
  subnetsCollector,
  volumesCollector,
  vpcsCollector,
} from "./ec2.ts";
import {
  clientVpnEndpointsCollector,
  networkInterfacesCollector,
  spotFleetRequestsCollector,
  transitGatewaysCollector,
  vpnConnectionsCollector,
} from "./ec2-network.ts";
import { ecrRepositoriesCollector } from "./ecr.ts";
import { ecsClustersCollector, ecsTaskDefinitionsCollector } from "./ecs.ts";
import { elastiCacheCacheClustersCollector, elastiCacheReplicationGroupsCollector } from "./elasticache.ts";
import { elbLoadBalancersCollector, elbv2LoadBalancersCollector } from "./elb.ts";
import {
  iamPasswordPolicyCollector,
  iamPoliciesCollector,
  iamRolesCollector,
  iamServerCertificatesCollector,
  iamUsersCollector,
} from "./iam.ts";
import { kafkaClustersCollector } from "./kafka.ts";
import { kafkaConnectConnectorsCollector } from "./kafkaconnect.ts";
import { kinesisStreamsCollector } from "./kinesis.ts";
import { kmsKeysCollector } from "./kms.ts";
import { cisMonitoringCollector } from "./monitoring.ts";
import {
  networkFirewallPoliciesCollector,
  networkFirewallRuleGroupsCollector,
  networkFirewallsCollector,
} from "./networkfirewall.ts";
import { openSearchDomainsCollector } from "./opensearch.ts";
import {
  elasticBeanstalkEnvironmentsCollector,
  launchTemplatesCollector,
  stateMachinesCollector,
} from "./operations.ts";
import { organizationsCollector } from "./organizations.ts";
import {
  rdsInstancesCollector,
  rdsProxiesCollector,
  rdsSettingsCollector,
  rdsSnapshotsCollector,
} from "./rds.ts";
import { redshiftClustersCollector } from "./redshift.ts";
import { s3AccountPublicAccessBlockCollector, s3BucketsCollector } from "./s3.ts";
import { s3AccessPointsCollector, s3MultiRegionAccessPointsCollector } from "./s3-access-points.ts";
import { s3DirectoryBucketsCollector } from "./s3-directory-buckets.ts";
import {
  sageMakerEndpointConfigsCollector,
  sageMakerModelsCollector,
  sageMakerNotebookInstancesCollector,
} from "./sagemaker.ts";
import { secretsManagerSecretsCollector } from "./secretsmanager.ts";
import {
  backupCollector,
  guardDutyCollector,
  inspectorCollector,
  macieCollector,
} from "./security-services.ts";
import { snsTopicsCollector } from "./sns.ts";
import { sqsQueuesCollector } from "./sqs.ts";
import {
  ssmAutomationLogSettingCollector,
  ssmDocumentSharingSettingCollector,
  ssmDocumentsCollector,
  ssmInstancesCollector,
} from "./ssm.ts";
import { cloudFrontWebAclsCollector, regionalWebAclsCollector } from "./wafv2.ts";

export { acmCertificateAsset } from "./acm.ts";
export { restApiAsset, v2ApiAsset } from "./apigateway.ts";
export { autoScalingGroupAsset, launchConfigurationAsset } from "./autoscaling.ts";
export { cisPatternsOf } from "./cis-patterns.ts";
export { cloudFrontDistributionAsset } from "./cloudfront.ts";
export { codeBuildProjectAsset, codeBuildReportGroupAsset } from "./codebuild.ts";
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
export { dbClusterAsset, dbClusterSnapshotAsset } from "./db-clusters.ts";
export { dmsEndpointAsset, dmsReplicationInstanceAsset, dmsReplicationTaskAsset } from "./dms.ts";
export { dynamoDbTableAsset } from "./dynamodb.ts";
export { ecrRepositoryAsset } from "./ecr.ts";
export { ecsClusterAsset, ecsServiceAsset, ecsTaskDefinitionAsset } from "./ecs.ts";
export { elastiCacheCacheClusterAsset, elastiCacheReplicationGroupAsset } from "./elasticache.ts";
export { elbLoadBalancerAsset, elbv2LoadBalancerAsset } from "./elb.ts";
export { kafkaClusterAsset } from "./kafka.ts";
export { kinesisStreamAsset } from "./kinesis.ts";
export { type LinkInput, linkAssets } from "./link.ts";
export {
  networkFirewallAsset,
  networkFirewallPolicyAsset,
  networkFirewallRuleGroupAsset,
} from "./networkfirewall.ts";
export { openSearchDomainAsset } from "./opensearch.ts";
export { elasticBeanstalkEnvironmentAsset, launchTemplateAsset, stateMachineAsset } from "./operations.ts";
export { organizationsAccountAsset } from "./organizations.ts";
export { rdsSettingsAsset } from "./rds.ts";
export { redshiftClusterAsset } from "./redshift.ts";
export { s3AccessPointAsset, s3MultiRegionAccessPointAsset } from "./s3-access-points.ts";
export { s3DirectoryBucketAsset } from "./s3-directory-buckets.ts";
export {
  sageMakerEndpointConfigAsset,
  sageMakerModelAsset,
  sageMakerNotebookInstanceAsset,
} from "./sagemaker.ts";
export { secretAsset } from "./secretsmanager.ts";
export {
  backupRecoveryPointAsset,
  backupSettingsAsset,
  backupVaultAsset,
  guardDutySettingsAsset,
  inspectorSettingsAsset,
  macieSettingsAsset,
} from "./security-services.ts";
export { snsTopicAsset } from "./sns.ts";
export { sqsQueueAsset } from "./sqs.ts";
export {
  type SsmRegionFacts,
  ssmDocumentAsset,
  ssmDocumentSharingSettingAsset,
  ssmInstanceAsset,
} from "./ssm.ts";
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
  subnetsCollector,
  vpnConnectionsCollector,
  transitGatewaysCollector,
  clientVpnEndpointsCollector,
  networkInterfacesCollector,
  spotFleetRequestsCollector,
  ebsDefaultEncryptionCollector,
  rdsInstancesCollector,
  rdsSnapshotsCollector,
  rdsSettingsCollector,
  rdsProxiesCollector,
  cloudTrailCollector,
  kmsKeysCollector,
  cisMonitoringCollector,
  lambdaFunctionsCollector,
  eksClustersCollector,
  accessAnalyzerCollector,
  configRecordersCollector,
  securityHubCollector,
  efsFileSystemsCollector,
  efsAccessPointsCollector,
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
  elastiCacheCacheClustersCollector,
  dmsReplicationInstancesCollector,
  dmsEndpointsCollector,
  dmsReplicationTasksCollector,
  kafkaClustersCollector,
  kinesisStreamsCollector,
  kafkaConnectConnectorsCollector,
  daxClustersCollector,
  autoScalingGroupsCollector,
  launchConfigurationsCollector,
  codeBuildProjectsCollector,
  codeBuildReportGroupsCollector,
  stateMachinesCollector,
  elasticBeanstalkEnvironmentsCollector,
  launchTemplatesCollector,
  ssmInstancesCollector,
  ssmDocumentsCollector,
  ssmDocumentSharingSettingCollector,
  ssmAutomationLogSettingCollector,
  sageMakerNotebookInstancesCollector,
  sageMakerEndpointConfigsCollector,
  sageMakerModelsCollector,
  networkFirewallsCollector,
  networkFirewallPoliciesCollector,
  networkFirewallRuleGroupsCollector,
  s3BucketsCollector,
  s3AccountPublicAccessBlockCollector,
  s3AccessPointsCollector,
  s3MultiRegionAccessPointsCollector,
  s3DirectoryBucketsCollector,
  iamUsersCollector,
  iamPasswordPolicyCollector,
  iamRolesCollector,
  iamPoliciesCollector,
  iamServerCertificatesCollector,
  cloudFrontDistributionsCollector,
  cloudFrontWebAclsCollector,
  redshiftClustersCollector,
  openSearchDomainsCollector,
  dbClustersCollector,
  dbClusterSnapshotsCollector,
  guardDutyCollector,
  inspectorCollector,
  macieCollector,
  backupCollector,
  organizationsCollector,
];

export {
  accessAnalyzerCollector,
  acmCertificatesCollector,
  autoScalingGroupsCollector,
  backupCollector,
  cisMonitoringCollector,
  clientVpnEndpointsCollector,
  cloudFrontDistributionsCollector,
  cloudFrontWebAclsCollector,
  cloudTrailCollector,
  codeBuildProjectsCollector,
  codeBuildReportGroupsCollector,
  configRecordersCollector,
  daxClustersCollector,
  dbClusterSnapshotsCollector,
  dbClustersCollector,
  dmsEndpointsCollector,
  dmsReplicationInstancesCollector,
  dmsReplicationTasksCollector,
  dynamoDbTablesCollector,
  ebsDefaultEncryptionCollector,
  ec2InstancesCollector,
  ecrRepositoriesCollector,
  ecsClustersCollector,
  ecsTaskDefinitionsCollector,
  efsAccessPointsCollector,
  efsFileSystemsCollector,
  eksClustersCollector,
  elastiCacheCacheClustersCollector,
  elastiCacheReplicationGroupsCollector,
  elasticBeanstalkEnvironmentsCollector,
  elbLoadBalancersCollector,
  elbv2LoadBalancersCollector,
  guardDutyCollector,
  iamPasswordPolicyCollector,
  iamPoliciesCollector,
  iamRolesCollector,
  iamServerCertificatesCollector,
  iamUsersCollector,
  inspectorCollector,
  kafkaClustersCollector,
  kafkaConnectConnectorsCollector,
  kinesisStreamsCollector,
  kmsKeysCollector,
  lambdaFunctionsCollector,
  launchConfigurationsCollector,
  launchTemplatesCollector,
  macieCollector,
  networkAclsCollector,
  networkFirewallPoliciesCollector,
  networkFirewallRuleGroupsCollector,
  networkFirewallsCollector,
  networkInterfacesCollector,
  openSearchDomainsCollector,
  organizationsCollector,
  rdsInstancesCollector,
  rdsProxiesCollector,
  rdsSettingsCollector,
  rdsSnapshotsCollector,
  redshiftClustersCollector,
  regionalWebAclsCollector,
  restApisCollector,
  s3AccessPointsCollector,
  s3AccountPublicAccessBlockCollector,
  s3BucketsCollector,
  s3DirectoryBucketsCollector,
  s3MultiRegionAccessPointsCollector,
  sageMakerEndpointConfigsCollector,
  sageMakerModelsCollector,
  sageMakerNotebookInstancesCollector,
  secretsManagerSecretsCollector,
  securityGroupsCollector,
  securityHubCollector,
  snapshotsCollector,
  snsTopicsCollector,
  spotFleetRequestsCollector,
  sqsQueuesCollector,
  ssmAutomationLogSettingCollector,
  ssmDocumentSharingSettingCollector,
  ssmDocumentsCollector,
  ssmInstancesCollector,
  stateMachinesCollector,
  subnetsCollector,
  transitGatewaysCollector,
  v2ApisCollector,
  volumesCollector,
  vpcsCollector,
  vpnConnectionsCollector,
};
