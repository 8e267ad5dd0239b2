import type { LaunchTemplate, LaunchTemplateVersion } from "@aws-sdk/client-ec2";
import { launchTemplateAsset } from "../../collectors/index.ts";
import { ACCOUNT, REGION } from "./aws.ts";

export const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };
/** `DescribeLaunchTemplates` `LaunchTemplates[]`. */
export const TEMPLATE: LaunchTemplate = {
  LaunchTemplateId: "lt-0a20c965061f64abc",
  LaunchTemplateName: "web",
  CreateTime: new Date("2025-01-10T12:00:00Z"),
  CreatedBy: `arn:aws:iam::${ACCOUNT}:role/platform-admin`,
  DefaultVersionNumber: 3,
  LatestVersionNumber: 4,
  Tags: [{ Key: "team", Value: "storefront" }],
};
/** `DescribeLaunchTemplateVersions --versions $Default`: private interface, IMDSv2 required. */
export const VERSION: LaunchTemplateVersion = {
  LaunchTemplateId: TEMPLATE.LaunchTemplateId,
  LaunchTemplateName: "web",
  VersionNumber: 3,
  CreateTime: new Date("2025-03-01T09:00:00Z"),
  CreatedBy: `arn:aws:iam::${ACCOUNT}:role/platform-admin`,
  DefaultVersion: true,
  LaunchTemplateData: {
    ImageId: "ami-0abcdef1234567890",
    InstanceType: "m6i.large",
    NetworkInterfaces: [
      { DeviceIndex: 0, AssociatePublicIpAddress: false, Groups: ["sg-0123456789abcdef0"] },
    ],
    MetadataOptions: { HttpTokens: "required", HttpPutResponseHopLimit: 1, HttpEndpoint: "enabled" },
    BlockDeviceMappings: [
      { DeviceName: "/dev/xvda", Ebs: { VolumeSize: 30, VolumeType: "gp3", Encrypted: true } },
    ],
  },
};
export const template = (data: Partial<NonNullable<LaunchTemplateVersion["LaunchTemplateData"]>> = {}) =>
  launchTemplateAsset(WHERE, TEMPLATE, {
    ok: true,
    value: {
      LaunchTemplateVersions: [
        { ...VERSION, LaunchTemplateData: { ...VERSION.LaunchTemplateData, ...data } },
      ],
    },
  });
