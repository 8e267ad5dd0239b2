// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${…}` here is CloudFormation Fn::Sub syntax, not a JS template.
/**
 * The single-account root stack: the integration Vigil installs in a customer's account. Queues,
 * subscriptions and the event table are rendered from the topology data in `@vigil/events`, so the
 * deployed stack and the local stack have one definition.
 */
import {
  eventTable as defaultEventTable,
  topology as defaultTopology,
  type EventTableDefinition,
  integrationParameters,
  LAMBDA_TIMEOUT_SECONDS,
  PARAMETER_ROOT,
  type QueueDefinition,
  queuesPlacedIn,
  subscriptionsOf,
  type Topology,
  tableKeySchema,
} from "@vigil/events";
import {
  cleanupPolicy,
  discoveryPolicy,
  ebsScanningPolicy,
  type PolicyDocument,
} from "../iam/permissions.ts";
import { vigilTagMap, vigilTags } from "../tags.ts";
import {
  type CfnParameter,
  type CfnResource,
  type CfnTemplate,
  equals,
  getAtt,
  not,
  pascal,
  ref,
  sub,
} from "./cfn.ts";

/** File names inside the artifact prefix; the build writes them, the templates point at them. */
export const ARTIFACTS = {
  agentZip: "agent.zip",
  updaterZip: "updater.zip",
  rootTemplate: "vigil-root.template.json",
  ebsScanningTemplate: "vigil-ebs-scanning.template.json",
  stackSetTemplate: "vigil-organization.template.json",
} as const;

export const LAMBDA_RUNTIME = "nodejs22.x";
export const LAMBDA_ARCHITECTURE = "arm64";

const INTEGRATION = ref("IntegrationId");
const tags = vigilTags(INTEGRATION);

export interface RootTemplateOptions {
  readonly topology?: Topology;
  readonly eventTable?: EventTableDefinition;
  /** Default of `ArtifactPrefix`: the release these templates are published with. */
  readonly releaseVersion?: string;
}

/** The parameters shared by the root stack and the organization StackSet that passes them through. */
export const rootParameters: Record<string, CfnParameter> = {
  IntegrationId: {
    Type: "String",
    Description: "Id of this integration, issued by the Vigil platform with the registration token",
    AllowedPattern: "^[A-Za-z0-9_-]{1,40}$",
    ConstraintDescription: "1-40 characters from A-Z a-z 0-9 _ -",
  },
  PlatformUrl: {
    Type: "String",
    Description: "HTTPS base URL of the Vigil control plane",
    AllowedPattern: "^https?://.+",
  },
  RegistrationToken: {
    Type: "String",
    Description: "One-time token exchanged for service credentials when the stack is created",
    NoEcho: true,
    MinLength: 1,
  },
  ArtifactBucket: {
    Type: "String",
    Description: "S3 bucket (in this region) holding the release artifacts",
  },
  ArtifactPrefix: {
    Type: "String",
    Description: "Key prefix of the release inside the bucket (releases/<version>)",
    Default: "releases/0.1.0",
  },
  ScanSchedule: {
    Type: "String",
    Description: "EventBridge schedule expression of full scans",
    Default: "rate(12 hours)",
    AllowedPattern: "^(rate\\(.+\\)|cron\\(.+\\))$",
  },
  EnableEbsScanning: {
    Type: "String",
    Description:
      "Scan EBS volumes by snapshotting them onto a scanner instance (creates an Auto Scaling group)",
    Default: "false",
    AllowedValues: ["true", "false"],
  },
  ScannerSubnetIds: {
    Type: "CommaDelimitedList",
    Description: "Private subnets for the EBS scanner instances (needed only when EBS scanning is enabled)",
    Default: "",
  },
  ScannerImageId: {
    Type: "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>",
    Description: "AMI of the EBS scanner instances (arm64)",
    Default: "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64",
  },
  AlertEmail: {
    Type: "String",
    Description: "Optional e-mail address subscribed to Vigil's alerts topic",
    Default: "",
  },
  OrganizationId: {
    Type: "String",
    Description: "Optional AWS Organizations id; lets member accounts forward EventBridge events to this bus",
    Default: "",
  },
};

function queueResources(q: QueueDefinition): Record<string, CfnResource> {
  const id = pascal(q.consumer);
  return {
    [`${id}DeadLetterQueue`]: {
      Type: "AWS::SQS::Queue",
      Properties: {
        QueueName: sub(`${q.baseName}-\${IntegrationId}-dlq`),
        MessageRetentionPeriod: q.deadLetter.messageRetentionSeconds,
        SqsManagedSseEnabled: true,
        Tags: tags,
      },
    },
    [`${id}Queue`]: {
      Type: "AWS::SQS::Queue",
      Properties: {
        QueueName: sub(`${q.baseName}-\${IntegrationId}`),
        VisibilityTimeout: q.visibilityTimeoutSeconds,
        ReceiveMessageWaitTimeSeconds: q.receiveWaitTimeSeconds,
        MessageRetentionPeriod: q.messageRetentionSeconds,
        SqsManagedSseEnabled: true,
        RedrivePolicy: {
          deadLetterTargetArn: getAtt(`${id}DeadLetterQueue`, "Arn"),
          maxReceiveCount: q.deadLetter.maxReceiveCount,
        },
        Tags: tags,
      },
    },
    [`${id}QueuePolicy`]: {
      Type: "AWS::SQS::QueuePolicy",
      Properties: {
        Queues: [ref(`${id}Queue`)],
        PolicyDocument: {
          Version: "2012-10-17",
          Statement: [
            {
              Sid: "EventsTopicDelivers",
              Effect: "Allow",
              Principal: { Service: "sns.amazonaws.com" },
              Action: "sqs:SendMessage",
              Resource: getAtt(`${id}Queue`, "Arn"),
              Condition: { ArnEquals: { "aws:SourceArn": ref("EventsTopic") } },
            },
          ],
        },
      },
    },
  };
}

function subscriptionResources(q: QueueDefinition, t: Topology): Record<string, CfnResource> {
  const id = pascal(q.consumer);
  const out: Record<string, CfnResource> = {};
  subscriptionsOf(q.consumer, t).forEach((s, i) => {
    out[`${id}Subscription${i === 0 ? "" : i + 1}`] = {
      Type: "AWS::SNS::Subscription",
      DependsOn: [`${id}QueuePolicy`],
      Properties: {
        TopicArn: ref(s.topic === "events" ? "EventsTopic" : "AlertsTopic"),
        Protocol: "sqs",
        Endpoint: getAtt(`${id}Queue`, "Arn"),
        RawMessageDelivery: s.rawMessageDelivery,
        FilterPolicyScope: "MessageAttributes",
        FilterPolicy: s.filterPolicy,
      },
    };
  });
  return out;
}

function inlinePolicy(name: string, document: PolicyDocument | Record<string, unknown>) {
  return { PolicyName: name, PolicyDocument: document };
}

const lambdaTrust = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
};

function logsPolicy(logGroup: string) {
  return inlinePolicy("logs", {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
        Resource: sub(`\${${logGroup}.Arn}`),
      },
    ],
  });
}

function consumePolicy(queueId: string) {
  return {
    Effect: "Allow",
    Action: [
      "sqs:ReceiveMessage",
      "sqs:DeleteMessage",
      "sqs:ChangeMessageVisibility",
      "sqs:GetQueueAttributes",
    ],
    Resource: getAtt(queueId, "Arn"),
  };
}

function parametersPolicy() {
  return {
    Effect: "Allow",
    Action: ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"],
    Resource: sub(
      `arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter${PARAMETER_ROOT}/\${IntegrationId}/*`,
    ),
  };
}

function functionResources(
  name: "agent" | "updater",
  zip: string,
  memoryMb: number,
  environment: Record<string, unknown>,
): Record<string, CfnResource> {
  const id = pascal(name);
  return {
    [`${id}LogGroup`]: {
      Type: "AWS::Logs::LogGroup",
      DeletionPolicy: "Delete",
      UpdateReplacePolicy: "Delete",
      Properties: {
        LogGroupName: sub(`/aws/lambda/vigil-${name}-\${IntegrationId}`),
        RetentionInDays: 30,
        Tags: tags,
      },
    },
    [`${id}Function`]: {
      Type: "AWS::Lambda::Function",
      Properties: {
        FunctionName: sub(`vigil-${name}-\${IntegrationId}`),
        Description: `Vigil ${name}`,
        Runtime: LAMBDA_RUNTIME,
        Architectures: [LAMBDA_ARCHITECTURE],
        Handler: "index.handler",
        MemorySize: memoryMb,
        Timeout: LAMBDA_TIMEOUT_SECONDS[name],
        Role: getAtt(`${id}Role`, "Arn"),
        Code: { S3Bucket: ref("ArtifactBucket"), S3Key: sub(`\${ArtifactPrefix}/${zip}`) },
        LoggingConfig: { LogGroup: ref(`${id}LogGroup`), LogFormat: "JSON" },
        Environment: {
          Variables: {
            NODE_OPTIONS: "--enable-source-maps",
            VIGIL_INTEGRATION_ID: INTEGRATION,
            VIGIL_PARAMETER_PREFIX: sub(`${PARAMETER_ROOT}/\${IntegrationId}`),
            VIGIL_EVENTS_TOPIC_ARN: ref("EventsTopic"),
            VIGIL_ALERTS_TOPIC_ARN: ref("AlertsTopic"),
            ...environment,
          },
        },
        Tags: tags,
      },
    },
    [`${id}QueueEventSource`]: {
      Type: "AWS::Lambda::EventSourceMapping",
      Properties: {
        FunctionName: ref(`${id}Function`),
        EventSourceArn: getAtt(`${id}Queue`, "Arn"),
        BatchSize: 10,
        FunctionResponseTypes: ["ReportBatchItemFailures"],
        Tags: tags,
      },
    },
  };
}

function scheduleRule(
  logicalId: string,
  description: string,
  schedule: unknown,
  target: string,
  input: Record<string, unknown>,
): Record<string, CfnResource> {
  return {
    [logicalId]: {
      Type: "AWS::Events::Rule",
      Properties: {
        Description: description,
        ScheduleExpression: schedule,
        State: "ENABLED",
        Targets: [{ Id: target, Arn: getAtt(target, "Arn"), Input: JSON.stringify(input) }],
        Tags: tags,
      },
    },
    [`${logicalId}Permission`]: {
      Type: "AWS::Lambda::Permission",
      Properties: {
        FunctionName: ref(target),
        Action: "lambda:InvokeFunction",
        Principal: "events.amazonaws.com",
        SourceArn: getAtt(logicalId, "Arn"),
      },
    },
  };
}

export function rootTemplate(options: RootTemplateOptions = {}): CfnTemplate {
  const t = options.topology ?? defaultTopology;
  const table = options.eventTable ?? defaultEventTable;
  const queues = queuesPlacedIn("integration", t);
  const consumers = new Set(queues.map((q) => q.consumer));
  for (const needed of ["agent", "updater"] as const) {
    if (!consumers.has(needed))
      throw new Error(`the topology places no "${needed}" queue in the integration`);
  }

  const parameterValue: Record<string, unknown> = {
    "platform-url": ref("PlatformUrl"),
    "scan-schedule": ref("ScanSchedule"),
    "ebs-scanning": ref("EnableEbsScanning"),
  };
  const ssmParameters: Record<string, CfnResource> = {};
  for (const p of integrationParameters) {
    ssmParameters[`Parameter${pascal(p.key)}`] = {
      Type: "AWS::SSM::Parameter",
      Properties: {
        Name: sub(`${PARAMETER_ROOT}/\${IntegrationId}/${p.key}`),
        Description: p.description,
        Type: "String",
        Value: parameterValue[p.key] ?? p.defaultValue,
        Tags: vigilTagMap(INTEGRATION),
      },
    };
  }

  const resources: Record<string, CfnResource> = {
    EventsTopic: {
      Type: "AWS::SNS::Topic",
      Properties: {
        TopicName: sub(
          `${t.topics.find((x) => x.key === "events")?.baseName ?? "vigil-events"}-\${IntegrationId}`,
        ),
        KmsMasterKeyId: "alias/aws/sns",
        Tags: tags,
      },
    },
    AlertsTopic: {
      Type: "AWS::SNS::Topic",
      Properties: {
        TopicName: sub(
          `${t.topics.find((x) => x.key === "alerts")?.baseName ?? "vigil-alerts"}-\${IntegrationId}`,
        ),
        KmsMasterKeyId: "alias/aws/sns",
        Tags: tags,
      },
    },
    AlertsEmailSubscription: {
      Type: "AWS::SNS::Subscription",
      Condition: "HasAlertEmail",
      Properties: { TopicArn: ref("AlertsTopic"), Protocol: "email", Endpoint: ref("AlertEmail") },
    },
    ...Object.assign({}, ...queues.map(queueResources)),
    ...Object.assign({}, ...queues.map((q) => subscriptionResources(q, t))),
    EventTable: {
      Type: "AWS::DynamoDB::Table",
      DeletionPolicy: "Delete",
      UpdateReplacePolicy: "Retain",
      Properties: {
        TableName: sub(`${table.baseName}-\${IntegrationId}`),
        ...tableKeySchema(table),
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: table.pointInTimeRecovery },
        SSESpecification: { SSEEnabled: true },
        Tags: tags,
      },
    },
    ...ssmParameters,
    AgentRole: {
      Type: "AWS::IAM::Role",
      Properties: {
        Description:
          "Vigil agent: read-only discovery, clean-up of what Vigil created, its own queue and topic",
        AssumeRolePolicyDocument: lambdaTrust,
        Policies: [
          inlinePolicy("discovery", discoveryPolicy()),
          inlinePolicy("cleanup", cleanupPolicy()),
          logsPolicy("AgentLogGroup"),
          inlinePolicy("integration", {
            Version: "2012-10-17",
            Statement: [
              consumePolicy("AgentQueue"),
              { Effect: "Allow", Action: "sns:Publish", Resource: [ref("EventsTopic"), ref("AlertsTopic")] },
              parametersPolicy(),
              {
                Effect: "Allow",
                Action: [
                  "dynamodb:PutItem",
                  "dynamodb:GetItem",
                  "dynamodb:Query",
                  "dynamodb:TransactWriteItems",
                  "dynamodb:ConditionCheckItem",
                ],
                Resource: [getAtt("EventTable", "Arn"), sub("${EventTable.Arn}/index/*")],
              },
            ],
          }),
        ],
        Tags: tags,
      },
    },
    AgentEbsScanningPolicy: {
      Type: "AWS::IAM::RolePolicy",
      Condition: "EbsScanningEnabled",
      Properties: {
        RoleName: ref("AgentRole"),
        PolicyName: "ebs-scanning",
        PolicyDocument: ebsScanningPolicy(),
      },
    },
    UpdaterRole: {
      Type: "AWS::IAM::Role",
      Properties: {
        Description:
          "Vigil updater: replaces the agent's code with a verified release, rolls back on failure",
        AssumeRolePolicyDocument: lambdaTrust,
        Policies: [
          logsPolicy("UpdaterLogGroup"),
          inlinePolicy("update", {
            Version: "2012-10-17",
            Statement: [
              consumePolicy("UpdaterQueue"),
              { Effect: "Allow", Action: "sns:Publish", Resource: [ref("EventsTopic"), ref("AlertsTopic")] },
              parametersPolicy(),
              {
                Effect: "Allow",
                Action: [
                  "lambda:GetFunction",
                  "lambda:GetFunctionConfiguration",
                  "lambda:UpdateFunctionCode",
                  "lambda:PublishVersion",
                  "lambda:InvokeFunction",
                ],
                Resource: sub(
                  "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:vigil-agent-${IntegrationId}*",
                ),
              },
              {
                Effect: "Allow",
                Action: "s3:GetObject",
                Resource: sub("arn:${AWS::Partition}:s3:::${ArtifactBucket}/*"),
              },
            ],
          }),
        ],
        Tags: tags,
      },
    },
    ...functionResources("agent", ARTIFACTS.agentZip, 1024, { VIGIL_EVENT_TABLE: ref("EventTable") }),
    ...functionResources("updater", ARTIFACTS.updaterZip, 256, {
      VIGIL_AGENT_FUNCTION: sub("vigil-agent-${IntegrationId}"),
      VIGIL_ARTIFACT_BUCKET: ref("ArtifactBucket"),
    }),
    ...scheduleRule("ScanScheduleRule", "Vigil: full scan", ref("ScanSchedule"), "AgentFunction", {
      kind: "scan-schedule",
    }),
    ...scheduleRule("HeartbeatRule", "Vigil: integration heartbeat", "rate(10 minutes)", "AgentFunction", {
      kind: "heartbeat",
    }),
    ...scheduleRule(
      "UpdateCheckRule",
      "Vigil: check for a new release",
      "rate(24 hours)",
      "UpdaterFunction",
      {
        kind: "update-check",
      },
    ),
    Ec2StateChangeRule: {
      Type: "AWS::Events::Rule",
      Properties: {
        Description: "Vigil: rescan an instance when its state changes",
        EventPattern: { source: ["aws.ec2"], "detail-type": ["EC2 Instance State-change Notification"] },
        State: "ENABLED",
        Targets: [{ Id: "AgentFunction", Arn: getAtt("AgentFunction", "Arn") }],
        Tags: tags,
      },
    },
    Ec2StateChangeRulePermission: {
      Type: "AWS::Lambda::Permission",
      Properties: {
        FunctionName: ref("AgentFunction"),
        Action: "lambda:InvokeFunction",
        Principal: "events.amazonaws.com",
        SourceArn: getAtt("Ec2StateChangeRule", "Arn"),
      },
    },
    OrganizationEventBusPolicy: {
      Type: "AWS::Events::EventBusPolicy",
      Condition: "HasOrganizationId",
      Properties: {
        StatementId: sub("vigil-${IntegrationId}-organization"),
        Statement: {
          Sid: sub("vigil-${IntegrationId}-organization"),
          Effect: "Allow",
          Principal: "*",
          Action: "events:PutEvents",
          Resource: sub("arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/default"),
          Condition: { StringEquals: { "aws:PrincipalOrgID": ref("OrganizationId") } },
        },
      },
    },
    Registration: {
      Type: "Custom::VigilRegistration",
      // Created last and deleted first: Create exchanges the token once everything it reports on
      // exists; Delete starts the teardown while the queues and table it needs are still there.
      DependsOn: ["AgentQueueEventSource", "EventTable", "ParameterPlatformUrl", "AgentSubscription"],
      Properties: {
        ServiceToken: getAtt("AgentFunction", "Arn"),
        ServiceTimeout: 300,
        IntegrationId: INTEGRATION,
        PlatformUrl: ref("PlatformUrl"),
        RegistrationToken: ref("RegistrationToken"),
      },
    },
    EbsScanningStack: {
      Type: "AWS::CloudFormation::Stack",
      Condition: "EbsScanningEnabled",
      Properties: {
        TemplateURL: sub(
          `https://\${ArtifactBucket}.s3.\${AWS::Region}.\${AWS::URLSuffix}/\${ArtifactPrefix}/${ARTIFACTS.ebsScanningTemplate}`,
        ),
        Parameters: {
          IntegrationId: INTEGRATION,
          ImageId: ref("ScannerImageId"),
          SubnetIds: { "Fn::Join": [",", ref("ScannerSubnetIds")] },
        },
        Tags: tags,
      },
    },
  };

  return {
    AWSTemplateFormatVersion: "2010-09-09",
    Description: "Vigil integration: continuous, read-only security scanning of this AWS account",
    Metadata: {
      "AWS::CloudFormation::Interface": {
        ParameterGroups: [
          {
            Label: { default: "Registration" },
            Parameters: ["IntegrationId", "PlatformUrl", "RegistrationToken"],
          },
          { Label: { default: "Release" }, Parameters: ["ArtifactBucket", "ArtifactPrefix"] },
          {
            Label: { default: "Scanning" },
            Parameters: ["ScanSchedule", "EnableEbsScanning", "ScannerSubnetIds", "ScannerImageId"],
          },
          { Label: { default: "Notifications" }, Parameters: ["AlertEmail", "OrganizationId"] },
        ],
      },
    },
    Parameters: {
      ...rootParameters,
      ArtifactPrefix: {
        ...rootParameters.ArtifactPrefix,
        Default: `releases/${options.releaseVersion ?? "0.1.0"}`,
      } as CfnParameter,
    },
    Conditions: {
      EbsScanningEnabled: equals(ref("EnableEbsScanning"), "true"),
      HasAlertEmail: not(equals(ref("AlertEmail"), "")),
      HasOrganizationId: not(equals(ref("OrganizationId"), "")),
    },
    Resources: resources,
    Outputs: {
      EventsTopicArn: { Description: "Topic carrying every Vigil event", Value: ref("EventsTopic") },
      AlertsTopicArn: { Description: "Topic for people: subscribe to be alerted", Value: ref("AlertsTopic") },
      AgentFunctionName: { Description: "The agent Lambda", Value: ref("AgentFunction") },
      UpdaterFunctionName: { Description: "The updater Lambda", Value: ref("UpdaterFunction") },
      EventTableName: { Description: "Event log table", Value: ref("EventTable") },
      EbsScanningStackId: {
        Description: "Nested stack of the EBS scanner",
        Value: ref("EbsScanningStack"),
        Condition: "EbsScanningEnabled",
      },
    },
  };
}
