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
    { id: "ACM.1", title: "Imported ACM certificates should be renewed after a specified time period" },
    { id: "ACM.2", title: "RSA certificates managed by ACM should use a key length of at least 2,048 bits" },
    { id: "APIGateway.1", title: "API Gateway REST and WebSocket API logging should be enabled" },
    {
      id: "APIGateway.2",
      title:
        "API Gateway REST API stages should be configured to use SSL certificates for backend authentication",
    },
    { id: "APIGateway.3", title: "API Gateway REST API stages should have AWS X-Ray tracing enabled" },
    { id: "APIGateway.4", title: "API Gateway should be associated with an AWS WAF web ACL" },
    { id: "APIGateway.5", title: "API Gateway REST API cache data should be encrypted at rest" },
    { id: "APIGateway.8", title: "API Gateway routes should specify an authorization type" },
    { id: "APIGateway.9", title: "Access logging should be configured for API Gateway V2 Stages" },
    { id: "CloudFront.1", title: "CloudFront distributions should have a default root object configured" },
    { id: "CloudFront.3", title: "CloudFront distributions should require encryption in transit" },
    { id: "CloudFront.4", title: "CloudFront distributions should have origin failover configured" },
    { id: "CloudFront.5", title: "CloudFront distributions should have logging enabled" },
    { id: "CloudFront.6", title: "CloudFront distributions should have AWS WAF enabled" },
    { id: "CloudFront.7", title: "CloudFront distributions should use custom SSL/TLS certificates" },
    { id: "CloudFront.8", title: "CloudFront distributions should use SNI to serve HTTPS requests" },
    { id: "CloudFront.9", title: "CloudFront distributions should encrypt traffic to custom origins" },
    {
      id: "CloudFront.10",
      title:
        "CloudFront distributions should not use deprecated SSL protocols between edge locations and custom origins",
    },
    { id: "CloudFront.12", title: "CloudFront distributions should not point to non-existent S3 origins" },
    { id: "CloudFront.13", title: "CloudFront distributions should use origin access control" },
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
    {
      id: "ELB.1",
      title: "Application Load Balancer should be configured to redirect all HTTP requests to HTTPS",
    },
    {
      id: "ELB.2",
      title:
        "Classic Load Balancers with SSL/HTTPS listeners should use a certificate provided by AWS Certificate Manager",
    },
    {
      id: "ELB.3",
      title: "Classic Load Balancer listeners should be configured with HTTPS or TLS termination",
    },
    { id: "ELB.4", title: "Application load balancers should be configured to drop HTTP headers" },
    { id: "ELB.5", title: "Application and Classic Load Balancers logging should be enabled" },
    { id: "ELB.6", title: "Application Load Balancer deletion protection should be enabled" },
    { id: "ELB.7", title: "Classic Load Balancers should have connection draining enabled" },
    { id: "ELB.9", title: "Classic Load Balancers should have cross-zone load balancing enabled" },
    { id: "ELB.10", title: "Classic Load Balancers should span multiple Availability Zones" },
    {
      id: "ELB.12",
      title:
        "Application Load Balancers should be configured with defensive or strictest desync mitigation mode",
    },
    {
      id: "ELB.13",
      title: "Application, Network, and Gateway Load Balancers should span multiple Availability Zones",
    },
    {
      id: "ELB.14",
      title: "Classic Load Balancers should be configured with defensive or strictest desync mitigation mode",
    },
    { id: "ELB.16", title: "Application Load Balancers should be associated with an AWS WAF web ACL" },
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
