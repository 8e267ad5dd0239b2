import type { FrameworkDefinition } from "./framework.ts";

/**
 * AWS Foundational Security Best Practices v1.0.0, the controls of the services Vigil checks.
 * Source: AWS Security Hub, https://docs.aws.amazon.com/securityhub/latest/userguide/fsbp-standard.html, as listed in Prowler's prowler/compliance/aws/aws_foundational_security_best_practices_aws.json at commit 179b09df735a51a4481a1f84fec555065341e237 (docs/reference/fsbp-controls.tsv)
 * Requirements as published (kept equal to docs/reference by a test); the checks that decide each
 * come from the checks' own `mappings.fsbp`.
 */
export const AWS_FSBP: FrameworkDefinition = {
  id: "aws-fsbp",
  title: "AWS Foundational Security Best Practices v1.0.0, the controls of the services Vigil checks",
  source:
    "AWS Security Hub, https://docs.aws.amazon.com/securityhub/latest/userguide/fsbp-standard.html, as listed in Prowler's prowler/compliance/aws/aws_foundational_security_best_practices_aws.json at commit 179b09df735a51a4481a1f84fec555065341e237 (docs/reference/fsbp-controls.tsv)",
  mappingKey: "fsbp",
  requirements: [
    {
      id: "CloudTrail.1",
      title: "CloudTrail should be enabled and configured with at least one multi-Region trail",
    },
    { id: "CloudTrail.2", title: "CloudTrail should have encryption at rest enabled" },
    { id: "CloudTrail.3", title: "At least one CloudTrail trail should be enabled" },
    { id: "CloudTrail.4", title: "Ensure CloudTrail log file validation is enabled" },
    { id: "CloudTrail.5", title: "Ensure CloudTrail trails are integrated with Amazon CloudWatch Logs" },
    {
      id: "CloudTrail.6",
      title: "Ensure the S3 bucket used to store CloudTrail logs is not publicly accessible",
    },
    { id: "CloudTrail.7", title: "Ensure S3 bucket access logging is enabled on the CloudTrail S3 bucket" },
    { id: "Config.1", title: "AWS Config should be enabled" },
    { id: "DynamoDB.1", title: "DynamoDB tables should automatically scale capacity with demand" },
    { id: "DynamoDB.2", title: "DynamoDB tables should have point-in-time recovery enabled" },
    { id: "DynamoDB.3", title: "DynamoDB Accelerator (DAX) clusters should be encrypted at rest" },
    { id: "DynamoDB.4", title: "DynamoDB tables should be present in a backup plan" },
    { id: "DynamoDB.6", title: "DynamoDB tables should have deletion protection enabled" },
    { id: "DynamoDB.7", title: "DynamoDB Accelerator clusters should be encrypted in transit" },
    {
      id: "EC2.1",
      title:
        "Amazon EBS snapshots should not be public, determined by the ability to be restorable by anyone",
    },
    { id: "EC2.2", title: "VPC default security groups should not allow inbound or outbound traffic" },
    { id: "EC2.3", title: "Attached EBS volumes should be encrypted at rest" },
    { id: "EC2.4", title: "Stopped EC2 instances should be removed after a specified time period" },
    { id: "EC2.6", title: "VPC flow logging should be enabled in all VPCs" },
    { id: "EC2.7", title: "EBS default encryption should be enabled" },
    { id: "EC2.8", title: "EC2 instances should use IMDSv2" },
    { id: "EC2.9", title: "EC2 instances should not have a public IP address" },
    { id: "EC2.10", title: "Amazon EC2 should be configured to use VPC endpoints" },
    { id: "EC2.19", title: "Security groups should not allow unrestricted access to ports with high risk" },
    { id: "EC2.21", title: "Network ACLs should not allow ingress from 0.0.0.0/0 to port 22 or port 3389" },
    { id: "EC2.24", title: "Paravirtual EC2 instance types should not be used" },
    { id: "EC2.25", title: "Amazon EC2 launch templates should not assign public IPs to network interfaces" },
    { id: "EC2.28", title: "EBS volumes should be covered by a backup plan" },
    { id: "EFS.1", title: "Amazon EFS should be configured to encrypt file data at rest using AWS KMS" },
    { id: "EFS.2", title: "Amazon EFS volumes should be in backup plans" },
    { id: "EKS.1", title: "EKS cluster endpoints should not be publicly accessible" },
    { id: "EKS.2", title: "EKS clusters should run on a supported Kubernetes version" },
    { id: "EKS.3", title: "EKS clusters should use encrypted Kubernetes secrets" },
    { id: "EKS.8", title: "EKS clusters should have audit logging enabled" },
    { id: "IAM.1", title: "IAM policies should not allow full '*' administrative privileges" },
    { id: "IAM.2", title: "IAM users should not have IAM policies attached" },
    { id: "IAM.3", title: "IAM users' access keys should be rotated every 90 days or less" },
    { id: "IAM.4", title: "IAM root user access key should not exist" },
    { id: "IAM.5", title: "MFA should be enabled for all IAM users that have a console password" },
    { id: "IAM.6", title: "Hardware MFA should be enabled for the root user" },
    { id: "IAM.7", title: "Password policies for IAM users should have strong configurations" },
    { id: "IAM.8", title: "Unused IAM user credentials should be removed" },
    { id: "IAM.9", title: "MFA should be enabled for the root user" },
    { id: "IAM.10", title: "Password policies for IAM users should have strong AWS Configurations" },
    { id: "IAM.19", title: "MFA should be enabled for all IAM users" },
    {
      id: "IAM.21",
      title: "IAM customer managed policies that you create should not allow wildcard actions for services",
    },
    { id: "IAM.22", title: "IAM user credentials unused for 45 days should be removed" },
    { id: "IAM.26", title: "Expired SSL/TLS certificates managed in IAM should be removed" },
    {
      id: "KMS.1",
      title: "IAM customer managed policies should not allow decryption actions on all KMS keys",
    },
    {
      id: "KMS.2",
      title:
        "IAM principals should not have IAM inline policies that allow decryption actions on all KMS keys",
    },
    { id: "KMS.3", title: "AWS KMS keys should not be unintentionally deleted" },
    { id: "KMS.4", title: "AWS KMS key rotation should be enabled" },
    { id: "KMS.5", title: "KMS keys should not be publicly accessible" },
    { id: "Lambda.1", title: "Lambda function policies should prohibit public access" },
    { id: "Lambda.2", title: "Lambda functions should use supported runtimes" },
    { id: "Lambda.3", title: "Lambda functions should be in a VPC" },
    { id: "Lambda.5", title: "VPC Lambda functions should operate in multiple Availability Zones" },
    { id: "RDS.1", title: "RDS snapshot should be private" },
    {
      id: "RDS.2",
      title:
        "RDS DB Instances should prohibit public access, determined by the PubliclyAccessible configuration",
    },
    { id: "RDS.3", title: "RDS DB instances should have encryption at-rest enabled" },
    { id: "RDS.4", title: "RDS cluster snapshots and database snapshots should be encrypted at rest" },
    { id: "RDS.5", title: "RDS DB instances should be configured with multiple Availability Zones" },
    { id: "RDS.8", title: "RDS DB instances should have deletion protection enabled" },
    { id: "RDS.11", title: "RDS instances should have automatic backups enabled" },
    { id: "RDS.13", title: "RDS automatic minor version upgrades should be enabled" },
    { id: "S3.1", title: "S3 Block Public Access setting should be enabled" },
    { id: "S3.2", title: "S3 buckets should prohibit public read access" },
    { id: "S3.3", title: "S3 buckets should prohibit public write access" },
    { id: "S3.5", title: "S3 buckets should require requests to use Secure Socket Layer" },
    { id: "S3.8", title: "S3 Block Public Access setting should be enabled at the bucket level" },
    { id: "S3.9", title: "S3 bucket server access logging should be enabled" },
    { id: "S3.14", title: "S3 general purpose buckets should have versioning enabled" },
    { id: "S3.20", title: "S3 general purpose buckets should have MFA delete enabled" },
  ],
};
