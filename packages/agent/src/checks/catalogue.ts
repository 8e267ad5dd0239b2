import { accessAnalyzerEnabled } from "./accessanalyzer/access-analyzer-enabled.ts";
import { certificateNotExpiring } from "./acm/certificate-not-expiring.ts";
import { certificateRsaKey2048 } from "./acm/certificate-rsa-key-2048.ts";
import { certificateTransparencyLogging } from "./acm/certificate-transparency-logging.ts";
import { restApiCacheEncrypted } from "./apigateway/rest-api-cache-encrypted.ts";
import { restApiClientCertificate } from "./apigateway/rest-api-client-certificate.ts";
import { restApiLoggingEnabled } from "./apigateway/rest-api-logging-enabled.ts";
import { restApiWafAttached } from "./apigateway/rest-api-waf-attached.ts";
import { restApiXrayTracing } from "./apigateway/rest-api-xray-tracing.ts";
import { v2ApiAccessLoggingEnabled } from "./apigatewayv2/api-access-logging-enabled.ts";
import { v2RoutesAuthorized } from "./apigatewayv2/routes-authorized.ts";
import { webSocketLoggingEnabled } from "./apigatewayv2/websocket-logging-enabled.ts";
import type { AnyCheck } from "./check.ts";
import { distributionCustomCertificate } from "./cloudfront/custom-certificate.ts";
import { distributionDefaultRootObject } from "./cloudfront/default-root-object.ts";
import { distributionLoggingEnabled } from "./cloudfront/logging-enabled.ts";
import { distributionOriginFailover } from "./cloudfront/origin-failover-configured.ts";
import { distributionOriginNoDeprecatedSsl } from "./cloudfront/origin-no-deprecated-ssl.ts";
import { distributionOriginTrafficEncrypted } from "./cloudfront/origin-traffic-encrypted.ts";
import { distributionS3OriginAccessControl } from "./cloudfront/s3-origin-access-control.ts";
import { distributionSniEnabled } from "./cloudfront/sni-enabled.ts";
import { distributionViewerHttpsRequired } from "./cloudfront/viewer-https-required.ts";
import { distributionWafEnabled } from "./cloudfront/waf-enabled.ts";
import { trailCloudWatchLogs } from "./cloudtrail/trail-cloudwatch-logs.ts";
import { trailKmsEncrypted } from "./cloudtrail/trail-kms-encrypted.ts";
import { trailLogFileValidation } from "./cloudtrail/trail-log-file-validation.ts";
import { trailLogging } from "./cloudtrail/trail-logging.ts";
import { configRecorderEnabled } from "./config/recorder-enabled.ts";
import { tableDeletionProtection } from "./dynamodb/table-deletion-protection.ts";
import { tableKmsEncrypted } from "./dynamodb/table-kms-encrypted.ts";
import { tablePitrEnabled } from "./dynamodb/table-pitr-enabled.ts";
import { defaultSecurityGroupRestrictsAll } from "./ec2/default-security-group-restricts-all.ts";
import { ebsEncryptionByDefault } from "./ec2/ebs-encryption-by-default.ts";
import { instanceImdsv2Required } from "./ec2/instance-imdsv2-required.ts";
import { instanceNoPublicIp } from "./ec2/instance-no-public-ip.ts";
import { instanceUsesIamRole } from "./ec2/instance-uses-iam-role.ts";
import { networkAclAdminPortsRestricted } from "./ec2/network-acl-admin-ports-restricted.ts";
import { securityGroupAdminPortsIpv4 } from "./ec2/security-group-admin-ports-ipv4.ts";
import { securityGroupAdminPortsIpv6 } from "./ec2/security-group-admin-ports-ipv6.ts";
import { securityGroupCifsRestricted } from "./ec2/security-group-cifs-restricted.ts";
import { securityGroupHighRiskPorts } from "./ec2/security-group-high-risk-ports.ts";
import { snapshotNotPublic } from "./ec2/snapshot-not-public.ts";
import { volumeEncrypted } from "./ec2/volume-encrypted.ts";
import { vpcFlowLogsEnabled } from "./ec2/vpc-flow-logs-enabled.ts";
import { repositoryImageScanning } from "./ecr/repository-image-scanning.ts";
import { repositoryLifecyclePolicy } from "./ecr/repository-lifecycle-policy.ts";
import { repositoryNotPublic } from "./ecr/repository-not-public.ts";
import { repositoryTagImmutability } from "./ecr/repository-tag-immutability.ts";
import { clusterContainerInsights } from "./ecs/cluster-container-insights.ts";
import { taskDefinitionHostNetworkUser } from "./ecs/task-definition-host-network-user.ts";
import { taskDefinitionLogging } from "./ecs/task-definition-logging.ts";
import { taskDefinitionNoEnvironmentSecrets } from "./ecs/task-definition-no-environment-secrets.ts";
import { taskDefinitionNoHostPid } from "./ecs/task-definition-no-host-pid.ts";
import { taskDefinitionNoPrivileged } from "./ecs/task-definition-no-privileged.ts";
import { taskDefinitionReadOnlyRoot } from "./ecs/task-definition-read-only-root.ts";
import { fileSystemEncrypted } from "./efs/file-system-encrypted.ts";
import { clusterAuditLogging } from "./eks/cluster-audit-logging.ts";
import { clusterEndpointNotPublic } from "./eks/cluster-endpoint-not-public.ts";
import { clusterSecretsEncrypted } from "./eks/cluster-secrets-encrypted.ts";
import { clusterVersionSupported } from "./eks/cluster-version-supported.ts";
import { replicationGroupAutomaticFailover } from "./elasticache/replication-group-automatic-failover.ts";
import { replicationGroupBackups } from "./elasticache/replication-group-backups.ts";
import { replicationGroupEncryptedAtRest } from "./elasticache/replication-group-encrypted-at-rest.ts";
import { replicationGroupEncryptedInTransit } from "./elasticache/replication-group-encrypted-in-transit.ts";
import { classicAccessLoggingEnabled } from "./elb/access-logging-enabled.ts";
import { classicCertificatesFromAcm } from "./elb/certificates-from-acm.ts";
import { classicConnectionDrainingEnabled } from "./elb/connection-draining-enabled.ts";
import { classicCrossZoneLoadBalancingEnabled } from "./elb/cross-zone-load-balancing-enabled.ts";
import { classicDesyncMitigationDefensive } from "./elb/desync-mitigation-defensive.ts";
import { classicListenersUseTls } from "./elb/listeners-use-tls.ts";
import { classicMultipleAzs } from "./elb/multiple-azs.ts";
import { albAccessLoggingEnabled } from "./elbv2/alb-access-logging-enabled.ts";
import { albDeletionProtectionEnabled } from "./elbv2/alb-deletion-protection-enabled.ts";
import { albDesyncMitigationDefensive } from "./elbv2/alb-desync-mitigation-defensive.ts";
import { albDropsInvalidHeaders } from "./elbv2/alb-drops-invalid-headers.ts";
import { albHttpRedirectsToHttps } from "./elbv2/alb-http-redirects-to-https.ts";
import { listenersUseSecureTlsPolicy } from "./elbv2/listeners-use-secure-tls-policy.ts";
import { loadBalancerMultipleAzs } from "./elbv2/load-balancer-multiple-azs.ts";
import { passwordPolicyMinLength } from "./iam/password-policy-min-length.ts";
import { passwordPolicyReusePrevention } from "./iam/password-policy-reuse-prevention.ts";
import { policyNoFullAdmin } from "./iam/policy-no-full-admin.ts";
import { roleTrustNotPublic } from "./iam/role-trust-not-public.ts";
import { rootHardwareMfaEnabled } from "./iam/root-hardware-mfa-enabled.ts";
import { rootMfaEnabled } from "./iam/root-mfa-enabled.ts";
import { rootNoAccessKeys } from "./iam/root-no-access-keys.ts";
import { rootNotUsedRecently } from "./iam/root-not-used-recently.ts";
import { serverCertificateNotExpired } from "./iam/server-certificate-not-expired.ts";
import { supportRoleExists } from "./iam/support-role-exists.ts";
import { userAccessKeysRotated } from "./iam/user-access-keys-rotated.ts";
import { userMfaEnabledForConsole } from "./iam/user-mfa-enabled-for-console.ts";
import { userNoDirectPolicies } from "./iam/user-no-direct-policies.ts";
import { userSingleActiveAccessKey } from "./iam/user-single-active-access-key.ts";
import { userUnusedCredentialsDisabled } from "./iam/user-unused-credentials-disabled.ts";
import { keyRotationEnabled } from "./kms/key-rotation-enabled.ts";
import { functionRuntimeSupported } from "./lambda/function-runtime-supported.ts";
import { cisMetricFilterChecks } from "./logs/cis-metric-filters.ts";
import { rdsInstanceAutoMinorVersionUpgrade } from "./rds/instance-auto-minor-version-upgrade.ts";
import { rdsInstanceBackupsEnabled } from "./rds/instance-backups-enabled.ts";
import { rdsInstanceDeletionProtection } from "./rds/instance-deletion-protection.ts";
import { rdsInstanceEncrypted } from "./rds/instance-encrypted.ts";
import { rdsInstanceMultiAz } from "./rds/instance-multi-az.ts";
import { rdsInstanceNotPublic } from "./rds/instance-not-public.ts";
import { rdsSnapshotEncrypted } from "./rds/snapshot-encrypted.ts";
import { rdsSnapshotNotPublic } from "./rds/snapshot-not-public.ts";
import { accountPublicAccessBlocked } from "./s3/account-public-access-blocked.ts";
import { bucketAccessLoggingEnabled } from "./s3/bucket-access-logging-enabled.ts";
import { bucketDeniesInsecureTransport } from "./s3/bucket-denies-insecure-transport.ts";
import { bucketEncryptionEnabled } from "./s3/bucket-encryption-enabled.ts";
import { bucketMfaDeleteEnabled } from "./s3/bucket-mfa-delete-enabled.ts";
import { bucketObjectLevelLoggingRead } from "./s3/bucket-object-level-logging-read.ts";
import { bucketObjectLevelLoggingWrite } from "./s3/bucket-object-level-logging-write.ts";
import { bucketPublicAccessBlockEnabled } from "./s3/bucket-public-access-block-enabled.ts";
import { bucketPublicAccessBlocked } from "./s3/bucket-public-access-blocked.ts";
import { bucketPublicRead } from "./s3/bucket-public-read.ts";
import { bucketPublicWrite } from "./s3/bucket-public-write.ts";
import { bucketVersioningEnabled } from "./s3/bucket-versioning-enabled.ts";
import { secretRotatedAsScheduled } from "./secretsmanager/secret-rotated-as-scheduled.ts";
import { secretRotatedRecently } from "./secretsmanager/secret-rotated-recently.ts";
import { secretRotationEnabled } from "./secretsmanager/secret-rotation-enabled.ts";
import { secretUsedRecently } from "./secretsmanager/secret-used-recently.ts";
import { securityHubEnabled } from "./securityhub/hub-enabled.ts";
import { topicDeliveryStatusLogging } from "./sns/topic-delivery-status-logging.ts";
import { topicEncrypted } from "./sns/topic-encrypted.ts";
import { topicPolicyNotPublic } from "./sns/topic-policy-not-public.ts";
import { queueEncrypted } from "./sqs/queue-encrypted.ts";
import { queuePolicyNotPublic } from "./sqs/queue-policy-not-public.ts";

import { rulesCloudWatchMetrics } from "./wafv2/rules-cloudwatch-metrics.ts";
import { webAclHasRules } from "./wafv2/web-acl-has-rules.ts";
import { webAclLoggingEnabled } from "./wafv2/web-acl-logging-enabled.ts";

/** Every check Vigil ships, in a stable order (reports list results in this order). */
export const CATALOGUE: readonly AnyCheck[] = Object.freeze([
  accessAnalyzerEnabled,
  certificateNotExpiring,
  certificateRsaKey2048,
  certificateTransparencyLogging,
  restApiCacheEncrypted,
  restApiClientCertificate,
  restApiLoggingEnabled,
  restApiWafAttached,
  restApiXrayTracing,
  v2ApiAccessLoggingEnabled,
  v2RoutesAuthorized,
  webSocketLoggingEnabled,
  distributionCustomCertificate,
  distributionDefaultRootObject,
  distributionLoggingEnabled,
  distributionOriginFailover,
  distributionOriginNoDeprecatedSsl,
  distributionOriginTrafficEncrypted,
  distributionS3OriginAccessControl,
  distributionSniEnabled,
  distributionViewerHttpsRequired,
  distributionWafEnabled,
  trailCloudWatchLogs,
  trailKmsEncrypted,
  trailLogFileValidation,
  trailLogging,
  configRecorderEnabled,
  tableDeletionProtection,
  tableKmsEncrypted,
  tablePitrEnabled,
  defaultSecurityGroupRestrictsAll,
  ebsEncryptionByDefault,
  instanceImdsv2Required,
  instanceNoPublicIp,
  instanceUsesIamRole,
  networkAclAdminPortsRestricted,
  securityGroupAdminPortsIpv4,
  securityGroupAdminPortsIpv6,
  securityGroupCifsRestricted,
  securityGroupHighRiskPorts,
  snapshotNotPublic,
  volumeEncrypted,
  vpcFlowLogsEnabled,
  fileSystemEncrypted,
  clusterAuditLogging,
  clusterEndpointNotPublic,
  clusterSecretsEncrypted,
  clusterVersionSupported,
  classicAccessLoggingEnabled,
  classicCertificatesFromAcm,
  classicConnectionDrainingEnabled,
  classicCrossZoneLoadBalancingEnabled,
  classicDesyncMitigationDefensive,
  classicListenersUseTls,
  classicMultipleAzs,
  albAccessLoggingEnabled,
  albDeletionProtectionEnabled,
  albDesyncMitigationDefensive,
  albDropsInvalidHeaders,
  albHttpRedirectsToHttps,
  listenersUseSecureTlsPolicy,
  loadBalancerMultipleAzs,
  passwordPolicyMinLength,
  passwordPolicyReusePrevention,
  policyNoFullAdmin,
  roleTrustNotPublic,
  rootHardwareMfaEnabled,
  rootMfaEnabled,
  rootNoAccessKeys,
  rootNotUsedRecently,
  serverCertificateNotExpired,
  supportRoleExists,
  userAccessKeysRotated,
  userMfaEnabledForConsole,
  userNoDirectPolicies,
  userSingleActiveAccessKey,
  userUnusedCredentialsDisabled,
  keyRotationEnabled,
  functionRuntimeSupported,
  ...cisMetricFilterChecks,
  rdsInstanceAutoMinorVersionUpgrade,
  rdsInstanceBackupsEnabled,
  rdsInstanceDeletionProtection,
  rdsInstanceEncrypted,
  rdsInstanceMultiAz,
  rdsInstanceNotPublic,
  rdsSnapshotEncrypted,
  rdsSnapshotNotPublic,
  accountPublicAccessBlocked,
  bucketAccessLoggingEnabled,
  bucketDeniesInsecureTransport,
  bucketEncryptionEnabled,
  bucketMfaDeleteEnabled,
  bucketObjectLevelLoggingRead,
  bucketObjectLevelLoggingWrite,
  bucketPublicAccessBlockEnabled,
  bucketPublicAccessBlocked,
  bucketPublicRead,
  bucketPublicWrite,
  bucketVersioningEnabled,
  securityHubEnabled,
  rulesCloudWatchMetrics,
  webAclHasRules,
  webAclLoggingEnabled,
  queueEncrypted,
  queuePolicyNotPublic,
  topicDeliveryStatusLogging,
  topicEncrypted,
  topicPolicyNotPublic,
  secretRotatedAsScheduled,
  secretRotatedRecently,
  secretRotationEnabled,
  secretUsedRecently,
  repositoryImageScanning,
  repositoryLifecyclePolicy,
  repositoryNotPublic,
  repositoryTagImmutability,
  clusterContainerInsights,
  taskDefinitionHostNetworkUser,
  taskDefinitionLogging,
  taskDefinitionNoEnvironmentSecrets,
  taskDefinitionNoHostPid,
  taskDefinitionNoPrivileged,
  taskDefinitionReadOnlyRoot,
  replicationGroupAutomaticFailover,
  replicationGroupBackups,
  replicationGroupEncryptedAtRest,
  replicationGroupEncryptedInTransit,
]);
