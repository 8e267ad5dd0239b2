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
