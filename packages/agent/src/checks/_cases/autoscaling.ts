import type { AutoScalingGroup, LaunchConfiguration } from "@aws-sdk/client-auto-scaling";
import { autoScalingGroupAsset, launchConfigurationAsset } from "../../collectors/index.ts";
import { ACCOUNT, REGION } from "./aws.ts";

export const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };
/** `DescribeAutoScalingGroups` `AutoScalingGroups[]` of a group behind an ALB, across two zones. */
export const GROUP: AutoScalingGroup = {
  AutoScalingGroupName: "web",
  AutoScalingGroupARN: `arn:aws:autoscaling:${REGION}:${ACCOUNT}:autoScalingGroup:9dbbbf87-6141-428a-a409-0752edbe6cad:autoScalingGroupName/web`,
  MixedInstancesPolicy: {
    LaunchTemplate: {
      LaunchTemplateSpecification: {
        LaunchTemplateId: "lt-0a20c965061f64abc",
        LaunchTemplateName: "web",
        Version: "$Default",
      },
      Overrides: [{ InstanceType: "m6i.large" }, { InstanceType: "m5.large" }],
    },
    InstancesDistribution: {
      OnDemandAllocationStrategy: "prioritized",
      OnDemandBaseCapacity: 1,
      OnDemandPercentageAboveBaseCapacity: 50,
      SpotAllocationStrategy: "price-capacity-optimized",
    },
  },
  MinSize: 2,
  MaxSize: 6,
  DesiredCapacity: 2,
  DefaultCooldown: 300,
  AvailabilityZones: [`${REGION}a`, `${REGION}b`],
  LoadBalancerNames: [],
  TargetGroupARNs: [`arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/web/73e2d6bc24d8a067`],
  HealthCheckType: "ELB",
  HealthCheckGracePeriod: 300,
  Instances: [],
  CreatedTime: new Date("2025-01-10T12:00:00Z"),
  VPCZoneIdentifier: "subnet-0a1b2c3d4e5f60001,subnet-0a1b2c3d4e5f60002",
  Tags: [
    {
      ResourceId: "web",
      ResourceType: "auto-scaling-group",
      Key: "team",
      Value: "storefront",
      PropagateAtLaunch: true,
    },
  ],
  TerminationPolicies: ["Default"],
  NewInstancesProtectedFromScaleIn: false,
  ServiceLinkedRoleARN: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
};
/** The same group as an older stack made it: one launch configuration, one zone, no load balancer. */
export const LEGACY: AutoScalingGroup = {
  ...GROUP,
  MixedInstancesPolicy: undefined,
  LaunchConfigurationName: "web-lc",
  AvailabilityZones: [`${REGION}a`],
  TargetGroupARNs: [],
  HealthCheckType: "EC2",
};
export const group = (over: Partial<AutoScalingGroup> = {}) =>
  autoScalingGroupAsset(WHERE, { ...GROUP, ...over });
/** `DescribeLaunchConfigurations` `LaunchConfigurations[]`, IMDSv2 required, no public address. */
export const CONFIG: LaunchConfiguration = {
  LaunchConfigurationName: "web-lc",
  LaunchConfigurationARN: `arn:aws:autoscaling:${REGION}:${ACCOUNT}:launchConfiguration:2a5e1b8c-04b9-4a43-9f1c-3f5c2e1a7d11:launchConfigurationName/web-lc`,
  ImageId: "ami-0abcdef1234567890",
  KeyName: "",
  SecurityGroups: ["sg-0123456789abcdef0"],
  ClassicLinkVPCSecurityGroups: [],
  UserData: "",
  InstanceType: "t3.micro",
  KernelId: "",
  RamdiskId: "",
  BlockDeviceMappings: [],
  InstanceMonitoring: { Enabled: true },
  CreatedTime: new Date("2024-03-01T09:30:00Z"),
  EbsOptimized: false,
  AssociatePublicIpAddress: false,
  MetadataOptions: { HttpTokens: "required", HttpPutResponseHopLimit: 1, HttpEndpoint: "enabled" },
};
export const launchConfig = (over: Partial<LaunchConfiguration> = {}) =>
  launchConfigurationAsset(WHERE, { ...CONFIG, ...over });
