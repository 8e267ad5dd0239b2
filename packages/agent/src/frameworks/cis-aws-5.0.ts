import type { FrameworkDefinition } from "./framework.ts";

/**
 * CIS Amazon Web Services Foundations Benchmark v5.0.0, the Automated recommendations.
 * Source: Center for Internet Security, https://www.cisecurity.org/benchmark/amazon_web_services (docs/reference/cis-5.0-automated.tsv, and cis-5.0-manual.tsv for the Manual ones a check helps assess)
 * Requirements as published (kept equal to docs/reference by a test); the checks that decide each
 * come from the checks' own `mappings.cis`.
 */
export const CIS_AWS_5_0: FrameworkDefinition = {
  id: "cis-aws-5.0",
  title: "CIS Amazon Web Services Foundations Benchmark v5.0.0",
  source:
    "Center for Internet Security, https://www.cisecurity.org/benchmark/amazon_web_services (docs/reference/cis-5.0-automated.tsv, and cis-5.0-manual.tsv for the Manual ones a check helps assess)",
  mappingKey: "cis",
  requirements: [
    { id: "1.3", title: "Ensure no 'root' user account access key exists", assessment: "automated" },
    { id: "1.4", title: "Ensure MFA is enabled for the 'root' user account", assessment: "automated" },
    { id: "1.5", title: "Ensure hardware MFA is enabled for the 'root' user account", assessment: "manual" },
    {
      id: "1.6",
      title: "Eliminate use of the 'root' user for administrative and daily tasks",
      assessment: "manual",
    },
    {
      id: "1.7",
      title: "Ensure IAM password policy requires minimum length of 14 or greater",
      assessment: "automated",
    },
    { id: "1.8", title: "Ensure IAM password policy prevents password reuse", assessment: "automated" },
    {
      id: "1.9",
      title:
        "Ensure multi-factor authentication (MFA) is enabled for all IAM users that have a console password",
      assessment: "automated",
    },
    {
      id: "1.11",
      title: "Ensure credentials unused for 45 days or more are disabled",
      assessment: "automated",
    },
    {
      id: "1.12",
      title: "Ensure there is only one active access key for any single IAM user",
      assessment: "automated",
    },
    { id: "1.13", title: "Ensure access keys are rotated every 90 days or less", assessment: "automated" },
    {
      id: "1.14",
      title: "Ensure IAM users receive permissions only through groups",
      assessment: "automated",
    },
    {
      id: "1.15",
      title: "Ensure IAM policies that allow full *:* administrative privileges are not attached",
      assessment: "automated",
    },
    {
      id: "1.16",
      title: "Ensure a support role has been created to manage incidents with AWS Support",
      assessment: "automated",
    },
    {
      id: "1.17",
      title: "Ensure IAM instance roles are used for AWS resource access from instances",
      assessment: "automated",
    },
    {
      id: "1.18",
      title: "Ensure that all expired SSL/TLS certificates stored in AWS IAM are removed",
      assessment: "automated",
    },
    {
      id: "1.19",
      title: "Ensure that IAM External Access Analyzer is enabled for all regions",
      assessment: "automated",
    },
    { id: "2.1.1", title: "Ensure S3 Bucket Policy is set to deny HTTP requests", assessment: "automated" },
    { id: "2.1.2", title: "Ensure MFA Delete is enabled on S3 buckets", assessment: "manual" },
    {
      id: "2.1.4",
      title: "Ensure that S3 is configured with 'Block Public Access' enabled",
      assessment: "automated",
    },
    {
      id: "2.2.1",
      title: "Ensure that encryption-at-rest is enabled for RDS instances",
      assessment: "automated",
    },
    {
      id: "2.2.2",
      title: "Ensure the Auto Minor Version Upgrade feature is enabled for RDS instances",
      assessment: "automated",
    },
    { id: "2.2.3", title: "Ensure that RDS instances are not publicly accessible", assessment: "automated" },
    { id: "2.3.1", title: "Ensure that encryption is enabled for EFS file systems", assessment: "automated" },
    { id: "3.2", title: "Ensure CloudTrail log file validation is enabled", assessment: "automated" },
    { id: "3.3", title: "Ensure AWS Config is enabled in all regions", assessment: "automated" },
    {
      id: "3.5",
      title: "Ensure CloudTrail logs are encrypted at rest using KMS CMKs",
      assessment: "automated",
    },
    {
      id: "3.6",
      title: "Ensure rotation for customer-created symmetric CMKs is enabled",
      assessment: "automated",
    },
    { id: "3.7", title: "Ensure VPC flow logging is enabled in all VPCs", assessment: "automated" },
    {
      id: "3.8",
      title: "Ensure that object-level logging for write events is enabled for S3 buckets",
      assessment: "automated",
    },
    {
      id: "3.9",
      title: "Ensure that object-level logging for read events is enabled for S3 buckets",
      assessment: "automated",
    },
    { id: "4.1", title: "Ensure unauthorized API calls are monitored", assessment: "manual" },
    { id: "4.2", title: "Ensure management console sign-in without MFA is monitored", assessment: "manual" },
    { id: "4.3", title: "Ensure usage of the 'root' account is monitored", assessment: "manual" },
    { id: "4.4", title: "Ensure IAM policy changes are monitored", assessment: "manual" },
    { id: "4.5", title: "Ensure CloudTrail configuration changes are monitored", assessment: "manual" },
    {
      id: "4.6",
      title: "Ensure AWS Management Console authentication failures are monitored",
      assessment: "manual",
    },
    {
      id: "4.7",
      title: "Ensure disabling or scheduled deletion of customer created CMKs is monitored",
      assessment: "manual",
    },
    { id: "4.8", title: "Ensure S3 bucket policy changes are monitored", assessment: "manual" },
    { id: "4.9", title: "Ensure AWS Config configuration changes are monitored", assessment: "manual" },
    { id: "4.10", title: "Ensure security group changes are monitored", assessment: "manual" },
    {
      id: "4.11",
      title: "Ensure Network Access Control Lists (NACL) changes are monitored",
      assessment: "manual",
    },
    { id: "4.12", title: "Ensure changes to network gateways are monitored", assessment: "manual" },
    { id: "4.13", title: "Ensure route table changes are monitored", assessment: "manual" },
    { id: "4.14", title: "Ensure VPC changes are monitored", assessment: "manual" },
    { id: "4.15", title: "Ensure AWS Organizations changes are monitored", assessment: "manual" },
    { id: "4.16", title: "Ensure AWS Security Hub is enabled", assessment: "automated" },
    { id: "5.1.1", title: "Ensure EBS volume encryption is enabled in all regions", assessment: "automated" },
    {
      id: "5.1.2",
      title: "Ensure CIFS access is restricted to trusted networks to prevent unauthorized access",
      assessment: "automated",
    },
    {
      id: "5.2",
      title: "Ensure no Network ACLs allow ingress from 0.0.0.0/0 to remote server administration ports",
      assessment: "automated",
    },
    {
      id: "5.3",
      title: "Ensure no security groups allow ingress from 0.0.0.0/0 to remote server administration ports",
      assessment: "automated",
    },
    {
      id: "5.4",
      title: "Ensure no security groups allow ingress from ::/0 to remote server administration ports",
      assessment: "automated",
    },
    {
      id: "5.5",
      title: "Ensure the default security group of every VPC restricts all traffic",
      assessment: "automated",
    },
    { id: "5.7", title: "Ensure that the EC2 Metadata Service only allows IMDSv2", assessment: "automated" },
  ],
};
