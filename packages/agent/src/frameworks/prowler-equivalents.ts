/**
 * The Prowler checks (prowler-cloud/prowler, `prowler/providers/aws/services/<service>/<check>/`) that
 * decide the same thing as a Vigil check: the same setting on the same kind of resource, most of them
 * also the same CIS or FSBP control in Prowler's own CIS and FSBP mappings. The frameworks Vigil takes
 * from Prowler's compliance files (PCI DSS, NIST 800-53, SOC 2, ISO 27001) list Prowler checks per
 * requirement; through this table they map to Vigil checks.
 *
 * Only true equivalents: a Vigil check with no Prowler twin is not here (vigil.cloudtrail.trail-logging
 * checks every trail is logging, cloudtrail_multi_region_enabled that each region has one; Vigil's EKS
 * audit logging is one log type where eks_control_plane_logging_all_types_enabled wants all five).
 * Where Vigil splits one Prowler check in two (IPv4 and IPv6 admin ports; public read and public write),
 * both Vigil checks list it, so a requirement fails when either fails, as the Prowler check would.
 * Where Prowler's check is looser than the AWS Config rule its requirements name (the PCI DSS rows are
 * Config rules), the Vigil check that decides that rule as written is listed, with a note.
 */
export const PROWLER_EQUIVALENTS: Readonly<Record<string, readonly string[]>> = {
  "vigil.accessanalyzer.analyzer-enabled": ["accessanalyzer_enabled"],
  "vigil.acm.certificate-rsa-key-2048": ["acm_certificates_with_secure_key_algorithms"],
  "vigil.apigateway.rest-api-cache-encrypted": ["apigateway_restapi_cache_encrypted"],
  "vigil.apigateway.rest-api-client-certificate": ["apigateway_restapi_client_certificate_enabled"],
  "vigil.apigateway.rest-api-logging-enabled": ["apigateway_restapi_logging_enabled"],
  "vigil.apigateway.rest-api-waf-attached": ["apigateway_restapi_waf_acl_attached"],
  "vigil.apigateway.rest-api-xray-tracing": ["apigateway_restapi_tracing_enabled"],
  "vigil.apigatewayv2.api-access-logging-enabled": ["apigatewayv2_api_access_logging_enabled"],
  "vigil.cloudfront.custom-certificate": ["cloudfront_distributions_custom_ssl_certificate"],
  "vigil.cloudfront.logging-enabled": ["cloudfront_distributions_logging_enabled"],
  "vigil.cloudfront.origin-failover-configured": [
    "cloudfront_distributions_multiple_origin_failover_configured",
  ],
  "vigil.cloudfront.origin-no-deprecated-ssl": ["cloudfront_distributions_using_deprecated_ssl_protocols"],
  "vigil.cloudfront.origin-traffic-encrypted": ["cloudfront_distributions_origin_traffic_encrypted"],
  "vigil.cloudfront.s3-origin-access-control": ["cloudfront_distributions_s3_origin_access_control"],
  "vigil.cloudfront.sni-enabled": ["cloudfront_distributions_https_sni_enabled"],
  "vigil.cloudfront.viewer-https-required": ["cloudfront_distributions_https_enabled"],
  "vigil.cloudfront.waf-enabled": ["cloudfront_distributions_using_waf"],
  // Prowler's check counts any trail logging in each region; the requirements that list it are AWS
  // Config's multi-region-cloudtrail-enabled (CloudTrail.1), which Vigil's check decides as written.
  "vigil.cloudtrail.multi-region-trail-enabled": ["cloudtrail_multi_region_enabled"],
  "vigil.cloudtrail.trail-cloudwatch-logs-integrated": ["cloudtrail_cloudwatch_logging_enabled"],
  "vigil.cloudtrail.trail-kms-encrypted": ["cloudtrail_kms_encryption_enabled"],
  "vigil.cloudtrail.trail-log-file-validation-enabled": ["cloudtrail_log_file_validation_enabled"],
  "vigil.config.recorder-enabled": ["config_recorder_all_regions_enabled"],
  "vigil.dynamodb.table-kms-encrypted": ["dynamodb_tables_kms_cmk_encryption_enabled"],
  "vigil.dynamodb.table-pitr-enabled": ["dynamodb_tables_pitr_enabled"],
  "vigil.ec2.default-security-group-restricts-all": ["ec2_securitygroup_default_restrict_traffic"],
  "vigil.ec2.ebs-encryption-by-default": ["ec2_ebs_default_encryption"],
  "vigil.ec2.instance-imdsv2-required": ["ec2_instance_imdsv2_enabled"],
  "vigil.ec2.instance-not-paravirtual": ["ec2_instance_paravirtual_type"],
  "vigil.ec2.instance-no-public-ip": ["ec2_instance_public_ip"],
  "vigil.ec2.instance-uses-iam-role": ["ec2_instance_profile_attached"],
  "vigil.ec2.launch-template-no-public-ip": ["ec2_launch_template_no_public_ip"],
  "vigil.ec2.network-acl-admin-ports-restricted": [
    "ec2_networkacl_allow_ingress_tcp_port_22",
    "ec2_networkacl_allow_ingress_tcp_port_3389",
  ],
  "vigil.ec2.security-group-admin-ports-restricted-ipv4": [
    "ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22",
    "ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_3389",
  ],
  "vigil.ec2.security-group-admin-ports-restricted-ipv6": [
    "ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22",
    "ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_3389",
  ],
  // The requirements that list Prowler's any-port check are AWS Config's
  // vpc-sg-open-only-to-authorized-ports (EC2.18), which Vigil's check decides as written.
  "vigil.ec2.security-group-only-authorized-ports-public": [
    "ec2_securitygroup_allow_ingress_from_internet_to_any_port",
  ],
  "vigil.ec2.security-group-high-risk-ports-restricted": [
    "ec2_securitygroup_allow_ingress_from_internet_to_high_risk_tcp_ports",
  ],
  "vigil.ec2.snapshot-not-public": ["ec2_ebs_public_snapshot"],
  "vigil.ec2.volume-encrypted": ["ec2_ebs_volume_encryption"],
  "vigil.ec2.vpc-flow-logs-enabled": ["vpc_flow_logs_enabled"],
  "vigil.ecr.repository-image-scanning": ["ecr_repositories_scan_images_on_push_enabled"],
  "vigil.ecr.repository-lifecycle-policy": ["ecr_repositories_lifecycle_policy_enabled"],
  "vigil.ecr.repository-not-public": ["ecr_repositories_not_publicly_accessible"],
  "vigil.ecs.task-definition-host-network-user": ["ecs_task_definitions_host_networking_mode_users"],
  "vigil.ecs.task-definition-logging": ["ecs_task_definitions_logging_enabled"],
  "vigil.ecs.task-definition-no-host-pid": ["ecs_task_definitions_host_namespace_not_shared"],
  "vigil.ecs.task-definition-no-privileged": ["ecs_task_definitions_no_privileged_containers"],
  "vigil.ecs.task-definition-read-only-root": ["ecs_task_definitions_containers_readonly_access"],
  "vigil.elasticache.replication-group-automatic-failover": [
    "elasticache_redis_cluster_automatic_failover_enabled",
  ],
  "vigil.elasticache.replication-group-encrypted-at-rest": [
    "elasticache_redis_cluster_rest_encryption_enabled",
  ],
  "vigil.elasticache.replication-group-encrypted-in-transit": [
    "elasticache_redis_cluster_in_transit_encryption_enabled",
  ],
  "vigil.efs.file-system-encrypted": ["efs_encryption_at_rest_enabled"],
  "vigil.elb.access-logging-enabled": ["elb_logging_enabled"],
  "vigil.elb.certificates-from-acm": ["elb_ssl_listeners_use_acm_certificate"],
  "vigil.elb.desync-mitigation-defensive": ["elb_desync_mitigation_mode"],
  "vigil.elb.listeners-use-tls": ["elb_ssl_listeners"],
  "vigil.elb.multiple-azs": ["elb_is_in_multiple_az"],
  "vigil.elbv2.alb-access-logging-enabled": ["elbv2_logging_enabled"],
  "vigil.elbv2.alb-deletion-protection-enabled": ["elbv2_deletion_protection"],
  "vigil.elbv2.listeners-use-secure-tls-policy": ["elbv2_insecure_ssl_ciphers"],
  "vigil.elbv2.load-balancer-multiple-azs": ["elbv2_is_in_multiple_az"],
  "vigil.eks.cluster-endpoint-not-public": ["eks_cluster_not_publicly_accessible"],
  "vigil.eks.cluster-secrets-encrypted": ["eks_cluster_kms_cmk_encryption_in_secrets_enabled"],
  "vigil.eks.cluster-version-supported": ["eks_cluster_uses_a_supported_version"],
  "vigil.iam.password-policy-min-length": ["iam_password_policy_minimum_length_14"],
  "vigil.iam.password-policy-prevents-reuse": ["iam_password_policy_reuse_24"],
  "vigil.iam.policy-no-full-admin-attached": ["iam_customer_attached_policy_no_administrative_privileges"],
  "vigil.iam.root-hardware-mfa-enabled": ["iam_root_hardware_mfa_enabled"],
  "vigil.iam.root-mfa-enabled": ["iam_root_mfa_enabled"],
  "vigil.iam.root-no-access-keys": ["iam_no_root_access_key"],
  "vigil.iam.root-not-used-recently": ["iam_avoid_root_usage"],
  "vigil.iam.server-certificate-not-expired": ["iam_no_expired_server_certificates_stored"],
  "vigil.iam.support-role-exists": ["iam_support_role_created"],
  "vigil.iam.user-access-keys-rotated": ["iam_rotate_access_key_90_days"],
  "vigil.iam.user-mfa-enabled-for-console": ["iam_user_mfa_enabled_console_access"],
  "vigil.iam.user-permissions-through-groups": ["iam_policy_attached_only_to_group_or_roles"],
  "vigil.iam.user-single-active-access-key": ["iam_user_two_active_access_key"],
  "vigil.iam.user-unused-credentials-disabled": [
    "iam_user_accesskey_unused",
    "iam_user_console_access_unused",
  ],
  "vigil.kms.key-rotation-enabled": ["kms_cmk_rotation_enabled"],
  "vigil.lambda.function-runtime-supported": ["awslambda_function_using_supported_runtimes"],
  "vigil.logs.metric-filter-unauthorized-api-calls": ["cloudwatch_log_metric_filter_unauthorized_api_calls"],
  "vigil.logs.metric-filter-console-signin-without-mfa": ["cloudwatch_log_metric_filter_sign_in_without_mfa"],
  "vigil.logs.metric-filter-root-account-usage": ["cloudwatch_log_metric_filter_root_usage"],
  "vigil.logs.metric-filter-iam-policy-changes": ["cloudwatch_log_metric_filter_policy_changes"],
  "vigil.logs.metric-filter-cloudtrail-configuration-changes": [
    "cloudwatch_log_metric_filter_and_alarm_for_cloudtrail_configuration_changes_enabled",
  ],
  "vigil.logs.metric-filter-console-authentication-failures": [
    "cloudwatch_log_metric_filter_authentication_failures",
  ],
  "vigil.logs.metric-filter-cmk-disable-or-scheduled-deletion": [
    "cloudwatch_log_metric_filter_disable_or_scheduled_deletion_of_kms_cmk",
  ],
  "vigil.logs.metric-filter-s3-bucket-policy-changes": [
    "cloudwatch_log_metric_filter_for_s3_bucket_policy_changes",
  ],
  "vigil.logs.metric-filter-aws-config-changes": [
    "cloudwatch_log_metric_filter_and_alarm_for_aws_config_configuration_changes_enabled",
  ],
  "vigil.logs.metric-filter-security-group-changes": ["cloudwatch_log_metric_filter_security_group_changes"],
  "vigil.logs.metric-filter-nacl-changes": ["cloudwatch_changes_to_network_acls_alarm_configured"],
  "vigil.logs.metric-filter-network-gateway-changes": [
    "cloudwatch_changes_to_network_gateways_alarm_configured",
  ],
  "vigil.logs.metric-filter-route-table-changes": [
    "cloudwatch_changes_to_network_route_tables_alarm_configured",
  ],
  "vigil.logs.metric-filter-vpc-changes": ["cloudwatch_changes_to_vpcs_alarm_configured"],
  "vigil.logs.metric-filter-organizations-changes": [
    "cloudwatch_log_metric_filter_aws_organizations_changes",
  ],
  "vigil.rds.instance-auto-minor-version-upgrade": ["rds_instance_minor_version_upgrade_enabled"],
  "vigil.rds.instance-backups-enabled": ["rds_instance_backup_enabled"],
  "vigil.rds.instance-deletion-protection": ["rds_instance_deletion_protection"],
  "vigil.rds.instance-enhanced-monitoring": ["rds_instance_enhanced_monitoring_enabled"],
  "vigil.rds.instance-iam-authentication": ["rds_instance_iam_authentication_enabled"],
  "vigil.rds.instance-logs-to-cloudwatch": ["rds_instance_integration_cloudwatch_logs"],
  "vigil.rds.instance-storage-encrypted": ["rds_instance_storage_encrypted"],
  "vigil.rds.instance-multi-az": ["rds_instance_multi_az"],
  "vigil.rds.instance-not-publicly-accessible": ["rds_instance_no_public_access"],
  "vigil.rds.snapshot-encrypted": ["rds_snapshots_encrypted"],
  "vigil.rds.snapshot-not-public": ["rds_snapshots_public_access"],
  "vigil.s3.account-public-access-blocked": ["s3_account_level_public_access_blocks"],
  "vigil.s3.bucket-acls-not-used": ["s3_bucket_acl_prohibited"],
  "vigil.s3.bucket-access-logging-enabled": ["s3_bucket_server_access_logging_enabled"],
  "vigil.s3.bucket-denies-insecure-transport": ["s3_bucket_secure_transport_policy"],
  "vigil.s3.bucket-encryption-enabled": ["s3_bucket_default_encryption"],
  "vigil.s3.bucket-mfa-delete-enabled": ["s3_bucket_no_mfa_delete"],
  "vigil.s3.bucket-object-level-logging-read": ["cloudtrail_s3_dataevents_read_enabled"],
  "vigil.s3.bucket-object-level-logging-write": ["cloudtrail_s3_dataevents_write_enabled"],
  "vigil.s3.bucket-level-public-access-block-enabled": ["s3_bucket_level_public_access_block"],
  "vigil.s3.bucket-policy-restricts-other-accounts": ["s3_bucket_cross_account_access"],
  "vigil.s3.bucket-public-read-prohibited": ["s3_bucket_public_access"],
  "vigil.s3.bucket-public-write-prohibited": [
    "s3_bucket_public_access",
    "s3_bucket_policy_public_write_access",
    "s3_bucket_public_write_acl",
  ],
  "vigil.s3.bucket-versioning-enabled": ["s3_bucket_object_versioning"],
  "vigil.secretsmanager.secret-rotation-enabled": ["secretsmanager_automatic_rotation_enabled"],
  "vigil.secretsmanager.secret-used-recently": ["secretsmanager_secret_unused"],
  "vigil.sns.topic-encrypted": ["sns_topics_kms_encryption_at_rest_enabled"],
  "vigil.sns.topic-policy-not-public": ["sns_topics_not_publicly_accessible"],
  "vigil.sqs.queue-encrypted": ["sqs_queues_server_side_encryption_enabled"],
  "vigil.sqs.queue-policy-not-public": ["sqs_queues_not_publicly_accessible"],
  "vigil.securityhub.hub-enabled": ["securityhub_enabled"],
  "vigil.wafv2.rules-cloudwatch-metrics": ["wafv2_webacl_rule_logging_enabled"],
  "vigil.wafv2.web-acl-has-rules": ["wafv2_webacl_with_rules"],
  "vigil.wafv2.web-acl-logging-enabled": ["wafv2_webacl_logging_enabled"],
  "vigil.redshift.cluster-not-public": ["redshift_cluster_public_access"],
  "vigil.redshift.cluster-requires-ssl": ["redshift_cluster_in_transit_encryption_enabled"],
  "vigil.redshift.cluster-audit-logging": ["redshift_cluster_audit_logging"],
  "vigil.redshift.cluster-major-version-upgrade": ["redshift_cluster_automatic_upgrades"],
  "vigil.redshift.cluster-enhanced-vpc-routing": ["redshift_cluster_enhanced_vpc_routing"],
  "vigil.redshift.cluster-encrypted": ["redshift_cluster_encrypted_at_rest"],
  "vigil.dms.replication-instance-not-public": ["dms_instance_no_public_access"],
  "vigil.dms.replication-instance-multi-az": ["dms_instance_multi_az_enabled"],
  "vigil.dms.endpoint-ssl-enabled": ["dms_endpoint_ssl_enabled"],
  "vigil.dms.endpoint-redis-tls": ["dms_endpoint_redis_in_transit_encryption_enabled"],
  "vigil.dms.replication-task-source-logging": ["dms_replication_task_source_logging_enabled"],
  "vigil.dms.replication-task-target-logging": ["dms_replication_task_target_logging_enabled"],
  "vigil.opensearch.domain-encrypted-at-rest": ["opensearch_service_domains_encryption_at_rest_enabled"],
  "vigil.opensearch.domain-node-to-node-encryption": [
    "opensearch_service_domains_node_to_node_encryption_enabled",
  ],
  "vigil.opensearch.domain-audit-logging": ["opensearch_service_domains_audit_logging_enabled"],
  "vigil.opensearch.domain-fine-grained-access-control": [
    "opensearch_service_domains_access_control_enabled",
  ],
  "vigil.opensearch.domain-software-updated": [
    "opensearch_service_domains_updated_to_the_latest_service_software_version",
  ],
  "vigil.opensearch.domain-three-data-nodes": ["opensearch_service_domains_fault_tolerant_data_nodes"],
  "vigil.opensearch.domain-three-dedicated-master-nodes": [
    "opensearch_service_domains_fault_tolerant_master_nodes",
  ],
  "vigil.docdb.cluster-encrypted": ["documentdb_cluster_storage_encrypted"],
  "vigil.docdb.cluster-backup-retention": ["documentdb_cluster_backup_enabled"],
  "vigil.docdb.snapshot-not-public": ["documentdb_cluster_public_snapshot"],
  "vigil.neptune.cluster-encrypted": ["neptune_cluster_storage_encrypted"],
  "vigil.neptune.cluster-audit-logs-exported": ["neptune_cluster_integration_cloudwatch_logs"],
  "vigil.neptune.snapshot-not-public": ["neptune_cluster_public_snapshot"],
  "vigil.neptune.cluster-backup-retention": ["neptune_cluster_backup_enabled"],
  "vigil.neptune.snapshot-encrypted": ["neptune_cluster_snapshot_encrypted"],
  "vigil.neptune.cluster-iam-authentication": ["neptune_cluster_iam_authentication_enabled"],
  "vigil.neptune.cluster-copy-tags-to-snapshots": ["neptune_cluster_copy_tags_to_snapshots"],
  "vigil.neptune.cluster-multi-az": ["neptune_cluster_multi_az"],
  "vigil.kinesis.stream-encrypted": ["kinesis_stream_encrypted_at_rest"],
  "vigil.guardduty.detector-enabled": ["guardduty_is_enabled"],
  "vigil.guardduty.eks-audit-logs-enabled": ["guardduty_eks_audit_log_enabled"],
  "vigil.macie2.enabled": ["macie_is_enabled"],
  "vigil.macie2.automated-discovery-enabled": ["macie_automated_sensitive_data_discovery_enabled"],
  "vigil.backup.recovery-point-encrypted": ["backup_recovery_point_encrypted"],
  "vigil.backup.vault-encrypted": ["backup_vaults_encrypted"],
  "vigil.backup.plan-exists": ["backup_plans_exist"],
  "vigil.backup.report-plan-exists": ["backup_reportplans_exist"],
  "vigil.organizations.account-in-organization": ["organizations_account_part_of_organizations"],
  "vigil.iam.password-policy-expires-passwords": [
    "iam_password_policy_expires_passwords_within_90_days_or_less",
  ],
  "vigil.kms.key-not-pending-deletion": ["kms_cmk_not_deleted_unintentionally"],
  "vigil.autoscaling.group-multiple-azs": ["autoscaling_group_multiple_az"],
  "vigil.autoscaling.launch-configuration-imdsv2-required": [
    "autoscaling_group_launch_configuration_requires_imdsv2",
  ],
  "vigil.codebuild.project-source-url-no-credentials": [
    "codebuild_project_source_repo_url_no_sensitive_credentials",
  ],
  "vigil.codebuild.project-s3-logs-encrypted": ["codebuild_project_s3_logs_encrypted"],
  "vigil.codebuild.project-logging-enabled": ["codebuild_project_logging_enabled"],
  "vigil.codebuild.report-group-export-encrypted": ["codebuild_report_group_export_encrypted"],
  "vigil.stepfunctions.state-machine-logging-enabled": ["stepfunctions_statemachine_logging_enabled"],
  "vigil.elasticbeanstalk.environment-streams-logs": [
    "elasticbeanstalk_environment_cloudwatch_logging_enabled",
  ],
  "vigil.elasticbeanstalk.environment-managed-updates-enabled": [
    "elasticbeanstalk_environment_managed_updates_enabled",
  ],
  "vigil.ssm.instance-managed": ["ec2_instance_managed_by_ssm"],
  "vigil.ssm.document-not-public": ["ssm_documents_set_as_public"],
  "vigil.ec2.launch-template-imdsv2-required": ["ec2_launch_template_imdsv2_required"],
  "vigil.lambda.function-in-vpc": ["awslambda_function_inside_vpc"],
  "vigil.sagemaker.notebook-no-direct-internet-access": [
    "sagemaker_notebook_instance_without_direct_internet_access_configured",
  ],
  "vigil.sagemaker.notebook-in-vpc": ["sagemaker_notebook_instance_vpc_settings_configured"],
  "vigil.sagemaker.notebook-root-access-disabled": ["sagemaker_notebook_instance_root_access_disabled"],
  "vigil.sagemaker.endpoint-config-multiple-instances": ["sagemaker_endpoint_config_prod_variant_instances"],
  "vigil.networkfirewall.firewall-multi-az": ["networkfirewall_multi_az"],
  "vigil.networkfirewall.firewall-logging-enabled": ["networkfirewall_logging_enabled"],
  "vigil.networkfirewall.policy-rule-group-associated": ["networkfirewall_policy_rule_group_associated"],
  "vigil.networkfirewall.policy-default-action-full-packets": [
    "networkfirewall_policy_default_action_full_packets",
  ],
  "vigil.networkfirewall.policy-default-action-fragmented-packets": [
    "networkfirewall_policy_default_action_fragmented_packets",
  ],
};

/**
 * Prowler checks named above that none of the four Prowler framework files lists, each checked to exist
 * as a folder prowler/providers/aws/services/<service>/<check>/ of prowler-cloud/prowler.
 */
export const PROWLER_CHECKS_OUTSIDE_FRAMEWORKS: readonly string[] = [
  "awslambda_function_using_supported_runtimes",
  "iam_no_expired_server_certificates_stored",
  "iam_support_role_created",
  "iam_user_two_active_access_key",
  "s3_bucket_level_public_access_block",
];
