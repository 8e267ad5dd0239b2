import {
  AutoScalingClient,
  type AutoScalingGroup,
  type LaunchConfiguration,
  paginateDescribeAutoScalingGroups,
  paginateDescribeLaunchConfigurations,
} from "@aws-sdk/client-auto-scaling";
import type { AssetOf } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import { listedCollector, regionalAsset, type Where } from "./listed.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ autoscaling: AutoScalingClient });

type Group = AssetOf<"aws.autoscaling.group">;
type LaunchConfig = AssetOf<"aws.autoscaling.launch-configuration">;

/** The instance types a mixed instances policy may launch (an attribute-based override names none). */
function mixedInstanceTypesOf(group: AutoScalingGroup): string[] {
  const overrides = group.MixedInstancesPolicy?.LaunchTemplate?.Overrides ?? [];
  return [
    ...new Set(
      overrides.flatMap((o) =>
        o.InstanceType ? [o.InstanceType] : o.InstanceRequirements ? ["attribute-based"] : [],
      ),
    ),
  ];
}

/** A group as `DescribeAutoScalingGroups` describes it (one call: nothing per group can fail). */
export function autoScalingGroupAsset(c: Where, group: AutoScalingGroup): Group {
  const name = group.AutoScalingGroupName ?? "";
  const tags = Object.fromEntries(
    (group.Tags ?? []).flatMap((t) => (t.Key ? [[t.Key, t.Value ?? ""] as const] : [])),
  );
  const config: Group["config"] = {
    groupName: name,
    healthCheckType: group.HealthCheckType ?? "EC2",
    loadBalancerAttached: (group.LoadBalancerNames ?? []).length + (group.TargetGroupARNs ?? []).length > 0,
    availabilityZones: group.AvailabilityZones ?? [],
    usesLaunchTemplate:
      group.LaunchTemplate !== undefined ||
      group.MixedInstancesPolicy?.LaunchTemplate?.LaunchTemplateSpecification !== undefined,
    launchConfigurationName: group.LaunchConfigurationName ?? null,
    mixedInstanceTypes: mixedInstanceTypesOf(group),
  };
  const arn =
    group.AutoScalingGroupARN ??
    `arn:${c.partition}:autoscaling:${c.region}:${c.accountId}:autoScalingGroup:*:autoScalingGroupName/${name}`;
  return regionalAsset(c, "aws.autoscaling.group", { arn, name, tags }, config, new UnreadFields());
}

/** A launch configuration as `DescribeLaunchConfigurations` describes it. */
export function launchConfigurationAsset(c: Where, lc: LaunchConfiguration): LaunchConfig {
  const name = lc.LaunchConfigurationName ?? "";
  const metadata = lc.MetadataOptions;
  const config: LaunchConfig["config"] = {
    launchConfigurationName: name,
    metadataHttpTokens: metadata?.HttpTokens ?? null,
    metadataHttpEndpoint: metadata?.HttpEndpoint ?? null,
    metadataHopLimit: metadata?.HttpPutResponseHopLimit ?? null,
    associatePublicIpAddress: lc.AssociatePublicIpAddress === true,
  };
  const arn =
    lc.LaunchConfigurationARN ??
    `arn:${c.partition}:autoscaling:${c.region}:${c.accountId}:launchConfiguration:*:launchConfigurationName/${name}`;
  return regionalAsset(c, "aws.autoscaling.launch-configuration", { arn, name }, config, new UnreadFields());
}

export const autoScalingGroupsCollector = listedCollector({
  id: "autoscaling-groups",
  type: "aws.autoscaling.group",
  service: "autoscaling",
  command: "describe-auto-scaling-groups",
  pages: (c) => paginateDescribeAutoScalingGroups({ client: c.clients.autoscaling, pageSize: 100 }, {}),
  items: (listing) => listing.AutoScalingGroups,
  asset: async (c, group) => autoScalingGroupAsset(c, group),
});

export const launchConfigurationsCollector = listedCollector({
  id: "autoscaling-launch-configurations",
  type: "aws.autoscaling.launch-configuration",
  service: "autoscaling",
  command: "describe-launch-configurations",
  pages: (c) => paginateDescribeLaunchConfigurations({ client: c.clients.autoscaling, pageSize: 100 }, {}),
  items: (listing) => listing.LaunchConfigurations,
  asset: async (c, lc) => launchConfigurationAsset(c, lc),
});
