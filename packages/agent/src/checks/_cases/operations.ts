import type { ConfigurationOptionSetting, EnvironmentDescription } from "@aws-sdk/client-elastic-beanstalk";
import type { DescribeStateMachineCommandOutput } from "@aws-sdk/client-sfn";
import { elasticBeanstalkEnvironmentAsset, stateMachineAsset } from "../../collectors/index.ts";
import { ACCOUNT, REGION } from "./aws.ts";

export const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };
// --- Step Functions -------------------------------------------------------------------------------

export const MACHINE_ARN = `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:order-flow`;
/** `DescribeStateMachine` of a Standard workflow logging errors to CloudWatch Logs. */
export const MACHINE: DescribeStateMachineCommandOutput = {
  $metadata: {},
  stateMachineArn: MACHINE_ARN,
  name: "order-flow",
  status: "ACTIVE",
  definition: '{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}}}',
  roleArn: `arn:aws:iam::${ACCOUNT}:role/order-flow`,
  type: "STANDARD",
  creationDate: new Date("2025-01-20T08:00:00Z"),
  loggingConfiguration: {
    level: "ERROR",
    includeExecutionData: false,
    destinations: [
      {
        cloudWatchLogsLogGroup: {
          logGroupArn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/sfn/order-flow:*`,
        },
      },
    ],
  },
  tracingConfiguration: { enabled: false },
};
export const machine = (loggingConfiguration: DescribeStateMachineCommandOutput["loggingConfiguration"]) =>
  stateMachineAsset(
    WHERE,
    { stateMachineArn: MACHINE_ARN, name: "order-flow" },
    { ok: true, value: { ...MACHINE, loggingConfiguration } },
  );
// --- Elastic Beanstalk -----------------------------------------------------------------------------

/** `DescribeEnvironments` `Environments[]`. */
export const ENVIRONMENT: EnvironmentDescription = {
  EnvironmentName: "shop-prod",
  EnvironmentId: "e-abcd1234ef",
  ApplicationName: "shop",
  VersionLabel: "v42",
  SolutionStackName: "64bit Amazon Linux 2023 v6.1.0 running Node.js 20",
  PlatformArn: `arn:aws:elasticbeanstalk:${REGION}::platform/Node.js 20 running on 64bit Amazon Linux 2023/6.1.0`,
  EndpointURL: "awseb-e-a-AWSEBLoa-1ABCDEFGHIJK-123456789.us-east-1.elb.amazonaws.com",
  CNAME: "shop-prod.us-east-1.elasticbeanstalk.com",
  DateCreated: new Date("2024-06-01T00:00:00Z"),
  DateUpdated: new Date("2025-05-01T00:00:00Z"),
  Status: "Ready",
  AbortableOperationInProgress: false,
  Health: "Green",
  HealthStatus: "Ok",
  Tier: { Name: "WebServer", Type: "Standard", Version: "1.0" },
  EnvironmentArn: `arn:aws:elasticbeanstalk:${REGION}:${ACCOUNT}:environment/shop/shop-prod`,
};
/** The options `DescribeConfigurationSettings` lists for a well-run environment. */
export const OPTIONS: ConfigurationOptionSetting[] = [
  { Namespace: "aws:elasticbeanstalk:healthreporting:system", OptionName: "SystemType", Value: "enhanced" },
  { Namespace: "aws:elasticbeanstalk:managedactions", OptionName: "ManagedActionsEnabled", Value: "true" },
  { Namespace: "aws:elasticbeanstalk:managedactions", OptionName: "PreferredStartTime", Value: "SUN:02:00" },
  { Namespace: "aws:elasticbeanstalk:cloudwatch:logs", OptionName: "StreamLogs", Value: "true" },
  { Namespace: "aws:elasticbeanstalk:cloudwatch:logs", OptionName: "RetentionInDays", Value: "365" },
];
export const environment = (replace: ConfigurationOptionSetting[] = []) => {
  const options = OPTIONS.map(
    (o) => replace.find((r) => r.Namespace === o.Namespace && r.OptionName === o.OptionName) ?? o,
  );
  return elasticBeanstalkEnvironmentAsset(WHERE, ENVIRONMENT, {
    ok: true,
    value: {
      ConfigurationSettings: [
        {
          SolutionStackName: ENVIRONMENT.SolutionStackName,
          ApplicationName: "shop",
          EnvironmentName: "shop-prod",
          DeploymentStatus: "deployed",
          OptionSettings: options,
        },
      ],
    },
  });
};
