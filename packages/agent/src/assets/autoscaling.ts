import * as z from "zod";
import { assetSchemaOf } from "./base.ts";

/** One EC2 Auto Scaling group: `DescribeAutoScalingGroups`. */
export const autoScalingGroupSchema = assetSchemaOf("aws.autoscaling.group", () =>
  z.object({
    groupName: z.string(),
    /** `HealthCheckType`: `EC2`, `ELB`, `VPC_LATTICE`, `EBS` (several joined by commas). */
    healthCheckType: z.string(),
    /** `LoadBalancerNames` (Classic) or `TargetGroupARNs` (elbv2) is not empty. */
    loadBalancerAttached: z.boolean(),
    /** `AvailabilityZones`. */
    availabilityZones: z.array(z.string()),
    /**
     * Instances launch from an EC2 launch template: `LaunchTemplate`, or the one of
     * `MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification`.
     */
    usesLaunchTemplate: z.boolean(),
    /** `LaunchConfigurationName`, or `null`. */
    launchConfigurationName: z.string().nullable(),
    /**
     * The instance types a `MixedInstancesPolicy` may launch (its overrides' `InstanceType`;
     * `attribute-based` for an override by `InstanceRequirements`); `[]` without a mixed policy.
     */
    mixedInstanceTypes: z.array(z.string()),
  }),
);

/** One EC2 Auto Scaling launch configuration: `DescribeLaunchConfigurations`. */
export const autoScalingLaunchConfigurationSchema = assetSchemaOf(
  "aws.autoscaling.launch-configuration",
  () =>
    z.object({
      launchConfigurationName: z.string(),
      /** `MetadataOptions.HttpTokens` (`optional` | `required`), `null` when the options are absent. */
      metadataHttpTokens: z.string().nullable(),
      /** `MetadataOptions.HttpEndpoint` (`enabled` | `disabled`), `null` when absent (enabled). */
      metadataHttpEndpoint: z.string().nullable(),
      /** `MetadataOptions.HttpPutResponseHopLimit`, `null` when absent (1). */
      metadataHopLimit: z.number().int().nullable(),
      /** `AssociatePublicIpAddress` is `true`. */
      associatePublicIpAddress: z.boolean(),
    }),
);
