// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${…}` here is CloudFormation Fn::Sub syntax, not a JS template.
/**
 * The nested stack of the EBS scanner: an Auto Scaling group (desired 0; the agent raises it while
 * a scan needs it) of arm64 instances onto which Vigil attaches volumes made from snapshots of the
 * customer's volumes. Created only when the root stack's `EnableEbsScanning` is `true`.
 */
import { CREATED_BY_TAG_KEY, CREATED_BY_TAG_VALUE, INTEGRATION_TAG_KEY, vigilTags } from "../tags.ts";
import { type CfnTemplate, equals, getAtt, ifThen, ref, sub } from "./cfn.ts";

export function ebsScanningTemplate(): CfnTemplate {
  const integration = ref("IntegrationId");
  const tags = vigilTags(integration);
  return {
    AWSTemplateFormatVersion: "2010-09-09",
    Description:
      "Vigil EBS scanning: scanner instances for volume copies (nested in the Vigil integration stack)",
    Parameters: {
      IntegrationId: { Type: "String", Description: "Id of the Vigil integration" },
      ImageParameter: {
        Type: "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>",
        Description: "SSM parameter holding the AMI of the scanner instances (arm64)",
      },
      SubnetIds: {
        Type: "CommaDelimitedList",
        Description: "Subnets of the scanner instances; empty: an isolated VPC and subnet are made here",
        Default: "",
      },
      InstanceType: {
        Type: "String",
        Description: "Instance type of the scanner (arm64)",
        Default: "t4g.small",
        AllowedPattern: "^[a-z0-9]+g[a-z0-9]*\\.[a-z0-9]+$",
        ConstraintDescription: "a Graviton (arm64) instance type such as t4g.small",
      },
    },
    Conditions: {
      CreateScannerNetwork: equals({ "Fn::Join": [",", ref("SubnetIds")] }, ""),
    },
    Resources: {
      // No subnets given (an organization's member accounts each have their own VPCs): a VPC and a
      // subnet of the scanner's own, with no internet gateway, so nothing reaches the instances.
      ScannerVpc: {
        Type: "AWS::EC2::VPC",
        Condition: "CreateScannerNetwork",
        Properties: {
          CidrBlock: "10.213.0.0/24",
          EnableDnsSupport: true,
          EnableDnsHostnames: true,
          Tags: tags,
        },
      },
      ScannerSubnet: {
        Type: "AWS::EC2::Subnet",
        Condition: "CreateScannerNetwork",
        Properties: {
          VpcId: ref("ScannerVpc"),
          CidrBlock: "10.213.0.0/26",
          AvailabilityZone: { "Fn::Select": [0, { "Fn::GetAZs": "" }] },
          MapPublicIpOnLaunch: false,
          Tags: tags,
        },
      },
      ScannerRole: {
        Type: "AWS::IAM::Role",
        Properties: {
          Description: "Vigil EBS scanner instance: reads attached volumes only; reports through the agent",
          AssumeRolePolicyDocument: {
            Version: "2012-10-17",
            Statement: [
              { Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" },
            ],
          },
          Policies: [
            {
              PolicyName: "report",
              PolicyDocument: {
                Version: "2012-10-17",
                Statement: [
                  {
                    Effect: "Allow",
                    Action: "sns:Publish",
                    Resource: sub(
                      "arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:vigil-events-${IntegrationId}",
                    ),
                  },
                ],
              },
            },
          ],
          Tags: tags,
        },
      },
      ScannerInstanceProfile: {
        Type: "AWS::IAM::InstanceProfile",
        Properties: { Roles: [ref("ScannerRole")] },
      },
      ScannerLaunchTemplate: {
        Type: "AWS::EC2::LaunchTemplate",
        Properties: {
          LaunchTemplateName: sub("vigil-ebs-scanner-${IntegrationId}"),
          LaunchTemplateData: {
            ImageId: ref("ImageParameter"),
            InstanceType: ref("InstanceType"),
            IamInstanceProfile: { Arn: getAtt("ScannerInstanceProfile", "Arn") },
            MetadataOptions: { HttpTokens: "required", HttpEndpoint: "enabled" },
            EbsOptimized: true,
            TagSpecifications: ["instance", "volume"].map((ResourceType) => ({ ResourceType, Tags: tags })),
          },
          TagSpecifications: [{ ResourceType: "launch-template", Tags: tags }],
        },
      },
      ScannerGroup: {
        Type: "AWS::AutoScaling::AutoScalingGroup",
        Properties: {
          AutoScalingGroupName: sub("vigil-ebs-scanner-${IntegrationId}"),
          MinSize: "0",
          MaxSize: "2",
          DesiredCapacity: "0",
          LaunchTemplate: {
            LaunchTemplateId: ref("ScannerLaunchTemplate"),
            Version: getAtt("ScannerLaunchTemplate", "LatestVersionNumber"),
          },
          VPCZoneIdentifier: ifThen("CreateScannerNetwork", [ref("ScannerSubnet")], ref("SubnetIds")),
          Tags: [
            { Key: CREATED_BY_TAG_KEY, Value: CREATED_BY_TAG_VALUE, PropagateAtLaunch: true },
            { Key: INTEGRATION_TAG_KEY, Value: integration, PropagateAtLaunch: true },
          ],
        },
      },
    },
    Outputs: {
      ScannerGroupName: { Description: "Auto Scaling group the agent scales", Value: ref("ScannerGroup") },
    },
  };
}
