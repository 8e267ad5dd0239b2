import * as z from "zod";
import { assetSchemaOf } from "./base.ts";

/** One Step Functions state machine: `DescribeStateMachine`. */
export const sfnStateMachineSchema = assetSchemaOf("aws.stepfunctions.state-machine", () =>
  z.object({
    stateMachineName: z.string(),
    /** `loggingConfiguration.level`: `ALL`, `ERROR`, `FATAL` or `OFF` (absent: `OFF`). */
    loggingLevel: z.string(),
  }),
);

/** One Elastic Beanstalk environment: `DescribeEnvironments` + `DescribeConfigurationSettings`. */
export const elasticBeanstalkEnvironmentSchema = assetSchemaOf("aws.elasticbeanstalk.environment", () =>
  z.object({
    environmentName: z.string(),
    applicationName: z.string(),
    /** Option `aws:elasticbeanstalk:healthreporting:system` `SystemType`: `basic` or `enhanced`. */
    healthReportingSystem: z.string(),
    /** Option `aws:elasticbeanstalk:managedactions` `ManagedActionsEnabled` is `true`. */
    managedActionsEnabled: z.boolean(),
    /** Option `aws:elasticbeanstalk:cloudwatch:logs` `StreamLogs` is `true`. */
    streamLogs: z.boolean(),
  }),
);

/** One EC2 launch template: `DescribeLaunchTemplates` + its default version (`DescribeLaunchTemplateVersions`). */
export const ec2LaunchTemplateSchema = assetSchemaOf("aws.ec2.launch-template", () =>
  z.object({
    launchTemplateName: z.string(),
    /** `DefaultVersionNumber`: the version launched when none is named. */
    defaultVersion: z.number().int(),
    /** A `NetworkInterfaces[]` of the default version has `AssociatePublicIpAddress` true. */
    associatePublicIpAddress: z.boolean(),
    /** `MetadataOptions.HttpTokens` of the default version, `null` when unset (the AMI's default). */
    metadataHttpTokens: z.string().nullable(),
    /** `MetadataOptions.HttpEndpoint` of the default version, `null` when unset (enabled). */
    metadataHttpEndpoint: z.string().nullable(),
    /**
     * The default version's EBS `BlockDeviceMappings`: `encrypted` is `Ebs.Encrypted`, `null` when
     * unset (the AMI's snapshot or the account's EBS default then decides).
     */
    ebsVolumes: z.array(z.object({ deviceName: z.string(), encrypted: z.boolean().nullable() })),
  }),
);
