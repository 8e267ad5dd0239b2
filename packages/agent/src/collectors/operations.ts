import {
  DescribeLaunchTemplateVersionsCommand,
  type DescribeLaunchTemplateVersionsCommandOutput,
  type LaunchTemplate,
  paginateDescribeLaunchTemplates,
} from "@aws-sdk/client-ec2";
import {
  DescribeConfigurationSettingsCommand,
  type DescribeConfigurationSettingsCommandOutput,
  DescribeEnvironmentsCommand,
  ElasticBeanstalkClient,
  type EnvironmentDescription,
  type EnvironmentDescriptionsMessage,
} from "@aws-sdk/client-elastic-beanstalk";
import {
  DescribeStateMachineCommand,
  type DescribeStateMachineCommandOutput,
  paginateListStateMachines,
  SFNClient,
  type StateMachineListItem,
} from "@aws-sdk/client-sfn";
import type { AssetOf } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import { listedCollector, regionalAsset, type Where } from "./listed.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ sfn: SFNClient, elasticbeanstalk: ElasticBeanstalkClient });

type StateMachine = AssetOf<"aws.stepfunctions.state-machine">;
type Environment = AssetOf<"aws.elasticbeanstalk.environment">;
type LaunchTemplateAsset = AssetOf<"aws.ec2.launch-template">;

/** A state machine as `DescribeStateMachine` describes it; when that read failed, its fields are unread. */
export function stateMachineAsset(
  c: Where,
  listed: Pick<StateMachineListItem, "stateMachineArn" | "name">,
  described: RawOutcome<Pick<DescribeStateMachineCommandOutput, "loggingConfiguration">>,
): StateMachine {
  const name = listed.name ?? "";
  const arn =
    listed.stateMachineArn ?? `arn:${c.partition}:states:${c.region}:${c.accountId}:stateMachine:${name}`;
  const unread = new UnreadFields();
  const config: Partial<StateMachine["config"]> = { stateMachineName: name };
  if (!unread.failed(described, "loggingLevel") && described.ok)
    config.loggingLevel = described.value.loggingConfiguration?.level ?? "OFF";
  return regionalAsset(c, "aws.stepfunctions.state-machine", { arn, name }, config, unread);
}

export const stateMachinesCollector = listedCollector({
  id: "stepfunctions-state-machines",
  type: "aws.stepfunctions.state-machine",
  service: "stepfunctions",
  command: "list-state-machines",
  pages: (c) => paginateListStateMachines({ client: c.clients.sfn, pageSize: 1000 }, {}),
  items: (listing) => listing.stateMachines,
  async asset(c, machine) {
    const described = await c.read.one(
      {
        scope: c.region,
        service: "stepfunctions",
        command: "describe-state-machine",
        resource: machine.name ?? "",
      },
      () => c.clients.sfn.send(new DescribeStateMachineCommand({ stateMachineArn: machine.stateMachineArn })),
    );
    return stateMachineAsset(c, machine, described);
  },
});

const ENVIRONMENT_FIELDS = ["healthReportingSystem", "managedActionsEnabled", "streamLogs"] as const;

/**
 * An environment as `DescribeEnvironments` names it and `DescribeConfigurationSettings` configures
 * it (an option left at its default is listed with the default's value). A failed read leaves the
 * option fields unread.
 */
export function elasticBeanstalkEnvironmentAsset(
  c: Where,
  env: Pick<EnvironmentDescription, "EnvironmentName" | "ApplicationName" | "EnvironmentArn">,
  settings: RawOutcome<Pick<DescribeConfigurationSettingsCommandOutput, "ConfigurationSettings">>,
): Environment {
  const name = env.EnvironmentName ?? "";
  const application = env.ApplicationName ?? "";
  const arn =
    env.EnvironmentArn ??
    `arn:${c.partition}:elasticbeanstalk:${c.region}:${c.accountId}:environment/${application}/${name}`;
  const unread = new UnreadFields();
  const config: Partial<Environment["config"]> = { environmentName: name, applicationName: application };
  if (!unread.failed(settings, ...ENVIRONMENT_FIELDS) && settings.ok) {
    const options = settings.value.ConfigurationSettings?.[0]?.OptionSettings ?? [];
    const option = (namespace: string, optionName: string) =>
      options.find((o) => o.Namespace === namespace && o.OptionName === optionName)?.Value;
    // Defaults when an option is not listed: basic health, no managed updates, no log streaming.
    config.healthReportingSystem =
      option("aws:elasticbeanstalk:healthreporting:system", "SystemType") ?? "basic";
    config.managedActionsEnabled =
      option("aws:elasticbeanstalk:managedactions", "ManagedActionsEnabled") === "true";
    config.streamLogs = option("aws:elasticbeanstalk:cloudwatch:logs", "StreamLogs") === "true";
  }
  return regionalAsset(c, "aws.elasticbeanstalk.environment", { arn, name }, config, unread);
}

export const elasticBeanstalkEnvironmentsCollector = listedCollector({
  id: "elasticbeanstalk-environments",
  type: "aws.elasticbeanstalk.environment",
  service: "elasticbeanstalk",
  command: "describe-environments",
  // No SDK paginator for DescribeEnvironments: NextToken by hand, at most 1000 a page.
  async *pages(c): AsyncIterable<EnvironmentDescriptionsMessage> {
    let NextToken: string | undefined;
    do {
      const page = await c.clients.elasticbeanstalk.send(
        new DescribeEnvironmentsCommand({ IncludeDeleted: false, MaxRecords: 1000, NextToken }),
      );
      yield page;
      NextToken = page.NextToken;
    } while (NextToken);
  },
  items: (listing) => listing.Environments,
  async asset(c, env) {
    const settings = await c.read.one(
      {
        scope: c.region,
        service: "elasticbeanstalk",
        command: "describe-configuration-settings",
        resource: env.EnvironmentName ?? "",
      },
      () =>
        c.clients.elasticbeanstalk.send(
          new DescribeConfigurationSettingsCommand({
            ApplicationName: env.ApplicationName,
            EnvironmentName: env.EnvironmentName,
          }),
        ),
    );
    return elasticBeanstalkEnvironmentAsset(c, env, settings);
  },
});

const TEMPLATE_FIELDS = [
  "associatePublicIpAddress",
  "metadataHttpTokens",
  "metadataHttpEndpoint",
  "ebsVolumes",
] as const;

/** A launch template and its default version; when that read failed, the version's fields are unread. */
export function launchTemplateAsset(
  c: Where,
  template: LaunchTemplate,
  versions: RawOutcome<Pick<DescribeLaunchTemplateVersionsCommandOutput, "LaunchTemplateVersions">>,
): LaunchTemplateAsset {
  const id = template.LaunchTemplateId ?? "";
  const name = template.LaunchTemplateName ?? id;
  const unread = new UnreadFields();
  const config: Partial<LaunchTemplateAsset["config"]> = {
    launchTemplateName: name,
    defaultVersion: template.DefaultVersionNumber ?? 1,
  };
  if (!unread.failed(versions, ...TEMPLATE_FIELDS) && versions.ok) {
    const data = versions.value.LaunchTemplateVersions?.find((v) => v.DefaultVersion)?.LaunchTemplateData;
    if (!data)
      unread.markAs(
        {
          call: "ec2:DescribeLaunchTemplateVersions",
          kind: "failed",
          code: "InvalidLaunchTemplateId.VersionNotFound",
          message: `the default version of ${name} was not returned`,
        },
        ...TEMPLATE_FIELDS,
      );
    else {
      config.associatePublicIpAddress = (data.NetworkInterfaces ?? []).some(
        (n) => n.AssociatePublicIpAddress === true,
      );
      config.metadataHttpTokens = data.MetadataOptions?.HttpTokens ?? null;
      config.metadataHttpEndpoint = data.MetadataOptions?.HttpEndpoint ?? null;
      config.ebsVolumes = (data.BlockDeviceMappings ?? []).flatMap((m) =>
        m.Ebs ? [{ deviceName: m.DeviceName ?? "", encrypted: m.Ebs.Encrypted ?? null }] : [],
      );
    }
  }
  const tags = Object.fromEntries((template.Tags ?? []).map((t) => [t.Key ?? "", t.Value ?? ""]));
  const arn = `arn:${c.partition}:ec2:${c.region}:${c.accountId}:launch-template/${id}`;
  return regionalAsset(c, "aws.ec2.launch-template", { arn, name, tags }, config, unread);
}

export const launchTemplatesCollector = listedCollector({
  id: "ec2-launch-templates",
  type: "aws.ec2.launch-template",
  service: "ec2",
  command: "describe-launch-templates",
  pages: (c) => paginateDescribeLaunchTemplates({ client: c.clients.ec2, pageSize: 200 }, {}),
  items: (listing) => listing.LaunchTemplates,
  async asset(c, template) {
    const versions = await c.read.one(
      {
        scope: c.region,
        service: "ec2",
        command: "describe-launch-template-versions",
        resource: template.LaunchTemplateId ?? "",
      },
      () =>
        c.clients.ec2.send(
          new DescribeLaunchTemplateVersionsCommand({
            LaunchTemplateId: template.LaunchTemplateId,
            Versions: ["$Default"],
          }),
        ),
    );
    return launchTemplateAsset(c, template, versions);
  },
});
