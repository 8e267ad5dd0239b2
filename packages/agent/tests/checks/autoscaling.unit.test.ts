import { describe, expect, it } from "vitest";
import { autoScalingGroupAsset } from "../../src/collectors/index.ts";

describe("the Auto Scaling group asset", () => {
  it("takes its tags and ARN from DescribeAutoScalingGroups (one call: no field is read apart)", () => {
    const asset = autoScalingGroupAsset(
      { accountId: "123456789012", region: "eu-west-1", partition: "aws" },
      {
        AutoScalingGroupName: "batch",
        AutoScalingGroupARN:
          "arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:0f8d7c2e-1111-4b2a-9c3d-5e6f7a8b9c0d:autoScalingGroupName/batch",
        LaunchTemplate: { LaunchTemplateName: "batch", Version: "$Latest" },
        MinSize: 0,
        MaxSize: 1,
        DesiredCapacity: 0,
        DefaultCooldown: 300,
        AvailabilityZones: ["eu-west-1a"],
        HealthCheckType: "EC2",
        CreatedTime: new Date("2025-02-01T00:00:00Z"),
        Tags: [{ Key: "env", Value: "prod", ResourceId: "batch", ResourceType: "auto-scaling-group" }],
      },
    );
    expect(asset.tags).toEqual({ env: "prod" });
    expect(asset.unread).toBeUndefined();
    expect(asset.config).toEqual({
      groupName: "batch",
      healthCheckType: "EC2",
      loadBalancerAttached: false,
      availabilityZones: ["eu-west-1a"],
      usesLaunchTemplate: true,
      launchConfigurationName: null,
      mixedInstanceTypes: [],
    });
  });
});
