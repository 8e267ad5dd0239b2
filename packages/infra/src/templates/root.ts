// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${…}` here is CloudFormation Fn::Sub syntax, not a JS template.
/**
 * The single-account root stack: the integration Vigil installs in a customer's account. Topics,
 * subscriptions, queues and tables are rendered from the topology data in `@vigil/events`, so the
 * deployed stack and the local stack have one definition.
 *
 * Runtime contract (lead's decision, cost-driven): no Lambda is attached to an SQS queue by an
 * event-source mapping here. SNS pushes commands and events to the agent and updater (protocol
 * `lambda`, filtered, redrive to their DLQs); scan jobs wait on the agent's job queue, which the
 * agent drains itself on a scan request and on each heartbeat; EventBridge rules send constant
 * inputs (heartbeat, scan, update check) and EC2 state changes.
 */
import {
  eventTable as defaultEventTable,
  idempotencyTable as defaultIdempotencyTable,
  topology as defaultTopology,
  type EventTableDefinition,
  type IdempotencyTableDefinition,
  integrationParameters,
  type JobQueueDefinition,
  jobQueueDefinition,
  LAMBDA_TIMEOUT_SECONDS,
  PARAMETER_ROOT,
  type QueueDefinition,
  queuesPlacedIn,
  subscriptionsOf,
  type Topology,
  tableKeySchema,
  topicDefinition,
} from "@vigil/events";
import {
  cleanupPolicy,
  discoveryPolicies,
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
  ifThen,
  not,
  noValue,
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
  memberTemplate: "vigil-member.template.json",
} as const;

export const LAMBDA_RUNTIME = "nodejs22.x";
export const LAMBDA_ARCHITECTURE = "arm64";

const INTEGRATION = ref("IntegrationId");
const tags = vigilTags(INTEGRATION);

export interface RootTemplateOptions {
  readonly topology?: Topology;
  readonly eventTable?: EventTableDefinition;
  readonly idempotencyTable?: IdempotencyTableDefinition;
  /** Default of `ArtifactPrefix`: the release these templates are published with. */
  readonly releaseVersion?: string;
  /** SHA-256 of the release's `scanner.zip`, written into the EBS scanner's launch template. */
  readonly scannerSha256?: string;
}

/**
 * `https://<host>[:port][/path]`; plain `http://` only to a loopback host (`127.0.0.1`,
 * `localhost`, `[::1]`, optional port), which never leaves the machine. CloudFormation matches
 * the whole value (Java regex); `validateStackParameters` checks it the same way before a deploy.
 */
export const PLATFORM_URL_PATTERN =
  "^(https://([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*|\\[[0-9A-Fa-f:.]+\\])|http://(127\\.0\\.0\\.1|localhost|\\[::1\\]))(:[0-9]{1,5})?(/[^\\s]*)?$";
export const PLATFORM_URL_CONSTRAINT =
  "must be an https:// URL (e.g. https://vigil.example.com); plain http:// is accepted only for a loopback address (http://127.0.0.1, http://localhost or http://[::1], optional port) in local runs";

/** The parameters shared by the root stack and the organization StackSet that passes them through. */
/** The built-in policies' ids (the agent's `builtInPolicies`; a cli test keeps the two in step). */
export const POLICY_IDS = ["vigil-default", "cis-aws-5.0", "aws-fsbp"] as const;
const POLICY_ID = `(${POLICY_IDS.map((id) => id.replaceAll(".", "\\.")).join("|")})`;

export const rootParameters: Record<string, CfnParameter> = {
  IntegrationId: {
    Type: "String",
    Description: "Id of this integration, issued by the Vigil platform with the registration token",
    AllowedPattern: "^[A-Za-z0-9_-]{1,40}$",
    ConstraintDescription: "1-40 characters from A-Z a-z 0-9 _ -",
  },
  PlatformUrl: {
    Type: "String",
    Description:
      "HTTPS base URL of the Vigil control plane (plain http only to a loopback address, for local runs)",
    AllowedPattern: PLATFORM_URL_PATTERN,
    ConstraintDescription: PLATFORM_URL_CONSTRAINT,
  },
  RegistrationToken: {
    Type: "String",
    Description:
      "One-time token exchanged for service credentials when the stack is created (a single account; empty for an organization's member stacks, which enroll with EnrollmentSecret)",
    NoEcho: true,
    Default: "",
    MaxLength: 256,
  },
  EnrollmentSecret: {
    Type: "String",
    Description:
      "An organization's enrollment secret (member stacks of the organization's StackSet; empty for a single account, which uses RegistrationToken)",
    NoEcho: true,
    Default: "",
    MaxLength: 256,
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
  ScanIntervalHours: {
    Type: "Number",
    Description: "Hours between full scans",
    Default: 12,
    MinValue: 1,
    MaxValue: 168,
  },
  HeartbeatMinutes: {
    Type: "Number",
    Description:
      "Minutes between heartbeats; each one also drains pending scan jobs (4,320 invocations a month at 10)",
    Default: 10,
    MinValue: 1,
    MaxValue: 1440,
  },
  UpdateCheckHours: {
    Type: "Number",
    Description: "Hours between checks for a new release",
    Default: 24,
    MinValue: 1,
    MaxValue: 720,
  },
  ScanRegions: {
    Type: "String",
    Description:
      "Regions to scan, comma separated (e.g. us-east-1,eu-west-1); empty for every enabled region",
    Default: "",
    AllowedPattern: "^([a-z0-9-]+(,[a-z0-9-]+)*)?$",
    ConstraintDescription: "region names separated by commas, no spaces",
  },
  Policies: {
    Type: "String",
    Description:
      "Policies the agent assesses, comma separated: vigil-default, cis-aws-5.0, aws-fsbp (the platform may change them later)",
    Default: "vigil-default",
    AllowedPattern: `^${POLICY_ID}(,${POLICY_ID})*$`,
    ConstraintDescription:
      "one or more of vigil-default, cis-aws-5.0, aws-fsbp, separated by commas, no spaces",
  },
  DisabledChecks: {
    Type: "String",
    Description:
      "Check ids switched off for this account, comma separated (e.g. vigil.ec2.instance-no-public-ip)",
    Default: "",
    AllowedPattern: "^([a-z0-9][a-z0-9.-]*(,[a-z0-9][a-z0-9.-]*)*)?$",
    ConstraintDescription: "check ids separated by commas, no spaces",
  },
  ReleasePublicKeys: {
    Type: "String",
    Description:
      "PEM public key(s) release manifests are signed with; the updater refuses every update until set",
    Default: "",
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
    Description:
      "Private subnets for the EBS scanner instances; empty: EBS scanning makes an isolated VPC and subnet of its own",
    Default: "",
  },
  ScannerImageParameter: {
    // A path, resolved by the nested EBS stack in the account and region it runs in: one value
    // serves every account of an organization (an AMI id differs by region).
    Type: "String",
    Description:
      "SSM parameter holding the AMI of the EBS scanner instances (arm64), resolved in each account",
    Default: "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64",
    AllowedPattern: "^/[A-Za-z0-9_./-]+$",
    ConstraintDescription:
      "an SSM parameter name such as /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64",
  },
  AlertEmail: {
    Type: "String",
    Description: "Optional e-mail address subscribed to Vigil's alerts topic",
    Default: "",
  },
  OrganizationId: {
    Type: "String",
    Description:
      "The AWS Organization this account belongs to (organization member stacks: the StackSet passes it; empty for a single account)",
    Default: "",
    AllowedPattern: "^(o-[a-z0-9]{10,32})?$",
    ConstraintDescription: "an AWS Organizations id such as o-a1b2c3d4e5, or empty",
  },
  PlatformEventBusArn: {
    Type: "String",
    Description:
      "The platform's EventBridge bus (the vigil-platform stack's EventBusArn): the agent's result events go there through this account's rule; empty: over signed HTTP only",
    Default: "",
    AllowedPattern: "^(arn:aws[a-z-]*:events:[a-z0-9-]+:[0-9]{12}:event-bus/[A-Za-z0-9._-]+)?$",
    ConstraintDescription:
      "an EventBridge bus ARN (arn:aws:events:<region>:<account>:event-bus/<name>), or empty",
  },
};

/** The scheduled inputs the agent and updater route on (runtime contract §3). */
export const SCHEDULED_INPUTS = {
  heartbeat: { kind: "vigil.heartbeat" },
  scan: { kind: "vigil.scan" },
  updateCheck: { kind: "vigil.update-check" },
} as const;

/** A dead-letter queue SNS may write to: the subscription's redrive target (never polled; `vigil dlq` reads it). */
function deadLetterQueueResources(q: QueueDefinition): Record<string, CfnResource> {
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
    [`${id}DeadLetterQueuePolicy`]: {
      Type: "AWS::SQS::QueuePolicy",
      Properties: {
        Queues: [ref(`${id}DeadLetterQueue`)],
        PolicyDocument: {
          Version: "2012-10-17",
          Statement: [
            {
              Sid: "EventsTopicRedrives",
              Effect: "Allow",
              Principal: { Service: "sns.amazonaws.com" },
              Action: "sqs:SendMessage",
              Resource: getAtt(`${id}DeadLetterQueue`, "Arn"),
              Condition: { ArnEquals: { "aws:SourceArn": ref("EventsTopic") } },
            },
          ],
        },
      },
    },
  };
}

/**
 * SNS → Lambda push (protocol `lambda`), filtered by the topology, with the consumer's DLQ as
 * redrive target, and the permission that lets this topic (only) invoke the function.
 */
function lambdaSubscriptionResources(q: QueueDefinition, t: Topology): Record<string, CfnResource> {
  const id = pascal(q.consumer);
  const out: Record<string, CfnResource> = {};
  subscriptionsOf(q.consumer, t).forEach((s, i) => {
    if (s.delivery !== "lambda") {
      throw new Error(
        `the ${q.consumer} subscription delivers by ${s.delivery}: in the customer's account every consumer is pushed to by SNS (delivery "lambda"), never polled through an event-source mapping`,
      );
    }
    const consumer = q.consumer;
    if (consumer !== "agent" && consumer !== "updater")
      throw new Error(
        `the topology places "${consumer}" in the integration: only the agent and the updater run there`,
      );
    const topic = s.topic === "events" ? "EventsTopic" : "AlertsTopic";
    const name = `${id}Subscription${i === 0 ? "" : i + 1}`;
    out[`${name}Permission`] = {
      Type: "AWS::Lambda::Permission",
      DependsOn: [liveAliasDependency(consumer)],
      Properties: {
        FunctionName: liveAliasArn(consumer),
        Action: "lambda:InvokeFunction",
        Principal: "sns.amazonaws.com",
        SourceArn: ref(topic),
      },
    };
    out[name] = {
      Type: "AWS::SNS::Subscription",
      DependsOn: [`${name}Permission`, `${id}DeadLetterQueuePolicy`, liveAliasDependency(consumer)],
      Properties: {
        TopicArn: ref(topic),
        Protocol: "lambda",
        Endpoint: liveAliasArn(consumer),
        FilterPolicyScope: "MessageAttributes",
        FilterPolicy: s.filterPolicy,
        RedrivePolicy: { deadLetterTargetArn: getAtt(`${id}DeadLetterQueue`, "Arn") },
      },
    };
  });
  return out;
}

/** The agent's job queue and its DLQ: filled and drained by the agent, no trigger attached. */
function jobQueueResources(q: JobQueueDefinition): Record<string, CfnResource> {
  const id = `${pascal(q.owner)}Job`;
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
  };
}

const discoveryPolicyId = (i: number) => `AgentDiscoveryPolicy${i + 1}`;

/** Customer managed policies (unnamed: CloudFormation names them, so integrations never collide). */
function discoveryManagedPolicies(): Record<string, unknown> {
  return Object.fromEntries(
    discoveryPolicies().map((document, i, all) => [
      discoveryPolicyId(i),
      {
        Type: "AWS::IAM::ManagedPolicy",
        Properties: {
          Description: `Vigil agent: read-only discovery calls, action by action (${i + 1} of ${all.length})`,
          PolicyDocument: document,
        },
      },
    ]),
  );
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

const PARAMETER_ARN = `arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter${PARAMETER_ROOT}/\${IntegrationId}`;

/** Read the integration's parameters: its prefix itself (GetParametersByPath) and everything under it, nothing else. */
function readParametersStatement() {
  return {
    Sid: "ReadIntegrationParameters",
    Effect: "Allow",
    Action: ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"],
    Resource: [sub(PARAMETER_ARN), sub(`${PARAMETER_ARN}/*`)],
  };
}

/**
 * SecureString parameters (the service key) are encrypted with a KMS key; decrypting is allowed
 * only when SSM asks on the agent's behalf, so the role cannot decrypt anything else with it.
 */
function decryptParametersStatement() {
  return {
    Sid: "DecryptParametersThroughSsm",
    Effect: "Allow",
    Action: ["kms:Decrypt"],
    Resource: sub("arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/*"),
    Condition: { StringEquals: { "kms:ViaService": sub("ssm.${AWS::Region}.${AWS::URLSuffix}") } },
  };
}

function publishStatement() {
  return {
    Sid: "PublishEventsAndAlerts",
    Effect: "Allow",
    Action: ["sns:Publish"],
    Resource: [ref("EventsTopic"), ref("AlertsTopic")],
  };
}

/** Async invocations that fail after Lambda's retries land in the same DLQ as undeliverable SNS messages. */
function deadLetterStatement(queueId: string) {
  return {
    Sid: "SendToOwnDeadLetterQueue",
    Effect: "Allow",
    Action: ["sqs:SendMessage"],
    Resource: getAtt(queueId, "Arn"),
  };
}

/** The agent's own statements on the stack's resources (runtime contract §2, §4, §5). */
export function agentIntegrationPolicy() {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "ScanJobQueue",
        Effect: "Allow",
        // SendMessageBatch and DeleteMessageBatch are authorized as SendMessage and DeleteMessage.
        Action: [
          "sqs:SendMessage",
          "sqs:ReceiveMessage",
          "sqs:DeleteMessage",
          "sqs:ChangeMessageVisibility",
          "sqs:GetQueueAttributes",
        ],
        Resource: getAtt("AgentJobQueue", "Arn"),
      },
      deadLetterStatement("AgentDeadLetterQueue"),
      publishStatement(),
      {
        Sid: "EventLog",
        Effect: "Allow",
        // Appends are conditional Puts, alone or in TransactWriteItems, which IAM authorizes item by
        // item as PutItem / ConditionCheckItem (it has no action of its own).
        Action: ["dynamodb:PutItem", "dynamodb:ConditionCheckItem", "dynamodb:GetItem", "dynamodb:Query"],
        Resource: [getAtt("EventTable", "Arn"), sub("${EventTable.Arn}/index/*")],
      },
      {
        Sid: "Idempotency",
        Effect: "Allow",
        Action: ["dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:DeleteItem"],
        Resource: getAtt("IdempotencyTable", "Arn"),
      },
      readParametersStatement(),
      {
        // The registration writes the service credentials; the stack's deletion removes them.
        Sid: "WriteIntegrationParameters",
        Effect: "Allow",
        Action: ["ssm:PutParameter", "ssm:DeleteParameter", "ssm:DeleteParameters"],
        Resource: sub(`${PARAMETER_ARN}/*`),
      },
      decryptParametersStatement(),
      {
        // Organization members prove their organization at enrollment: a DescribeOrganization the
        // agent signs and the platform executes (the call has no resource-level permissions).
        Sid: "ProveOrganization",
        Effect: "Allow",
        Action: ["organizations:DescribeOrganization"],
        Resource: "*",
      },
    ],
  };
}

/** The functions the updater replaces (its environment names both). */
const MANAGED_FUNCTIONS = ["agent", "updater"] as const;

function functionArn(name: "agent" | "updater"): string {
  return `arn:\${AWS::Partition}:lambda:\${AWS::Region}:\${AWS::AccountId}:function:vigil-${name}-\${IntegrationId}`;
}

export function updaterIntegrationPolicy() {
  return {
    Version: "2012-10-17",
    Statement: [
      deadLetterStatement("UpdaterDeadLetterQueue"),
      publishStatement(),
      readParametersStatement(),
      {
        // LambdaFunctionDeployer: UpdateFunctionCode, then GetFunction (waitUntilFunctionUpdatedV2), then
        // PublishVersion; all authorized on the unqualified function ARN. Exactly the two functions.
        Sid: "ReplaceCodeOfVigilFunctions",
        Effect: "Allow",
        Action: ["lambda:UpdateFunctionCode", "lambda:GetFunction", "lambda:PublishVersion"],
        Resource: MANAGED_FUNCTIONS.map((f) => sub(functionArn(f))),
      },
      {
        // GetAlias / UpdateAlias of `live`: IAM authorizes them on the unqualified function ARN; the
        // alias ARN is listed too, so the grant reads as what it is for.
        Sid: "MoveLiveAlias",
        Effect: "Allow",
        Action: ["lambda:GetAlias", "lambda:UpdateAlias"],
        Resource: MANAGED_FUNCTIONS.flatMap((f) => [
          sub(functionArn(f)),
          sub(`${functionArn(f)}:${LIVE_ALIAS}`),
        ]),
      },
      {
        // The health check invokes `live` (Qualifier "live"): never $LATEST, never a bare version.
        Sid: "HealthCheckThroughLiveAlias",
        Effect: "Allow",
        Action: ["lambda:InvokeFunction"],
        Resource: MANAGED_FUNCTIONS.map((f) => sub(`${functionArn(f)}:${LIVE_ALIAS}`)),
      },
      {
        Sid: "ReadReleases",
        Effect: "Allow",
        Action: ["s3:GetObject"],
        Resource: sub("arn:${AWS::Partition}:s3:::${ArtifactBucket}/*"),
      },
    ],
  };
}

function functionResources(
  name: "agent" | "updater",
  zip: string,
  memoryMb: number,
  environment: Record<string, unknown>,
  releaseVersion: string,
): Record<string, CfnResource> {
  const id = pascal(name);
  // How the updater reads back which release runs (`releaseVersionOf` in packages/updater).
  const description = `vigil ${releaseVersion}`;
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
        // SNS and EventBridge invoke asynchronously: what still fails after Lambda's retries is kept here.
        DeadLetterConfig: { TargetArn: getAtt(`${id}DeadLetterQueue`, "Arn") },
        Environment: {
          Variables: { NODE_OPTIONS: "--enable-source-maps", ...environment },
        },
        Tags: tags,
      },
    },
    // The first published version, and `live` on it: every trigger invokes `live`, which the updater
    // moves to the version it publishes (and back on a failed health check). A new release's
    // template changes the description, so a stack update publishes that release and moves `live`.
    [`${id}Version`]: {
      Type: "AWS::Lambda::Version",
      Properties: { FunctionName: ref(`${id}Function`), Description: description },
    },
    [`${id}LiveAlias`]: {
      Type: "AWS::Lambda::Alias",
      Properties: {
        FunctionName: ref(`${id}Function`),
        FunctionVersion: getAtt(`${id}Version`, "Version"),
        Name: LIVE_ALIAS,
        Description: description,
      },
    },
  };
}

/** The alias every trigger invokes; the updater moves it (packages/updater `LIVE_ALIAS`). */
export const LIVE_ALIAS = "live";

/**
 * The `live` alias ARN of a function, spelled `<function ARN>:live` (the ARN the alias has) rather
 * than a Ref to the alias: SNS's `lambda` endpoint is checked by AWS's validator to reference a
 * function. Whatever names it must list `liveAliasDependency(name)` in DependsOn, so the alias
 * exists before a permission, subscription, rule or custom resource reaches for it.
 */
export function liveAliasArn(name: "agent" | "updater") {
  return sub(`\${${pascal(name)}Function.Arn}:${LIVE_ALIAS}`);
}

export function liveAliasDependency(name: "agent" | "updater"): string {
  return `${pascal(name)}LiveAlias`;
}

function scheduleRule(
  logicalId: string,
  description: string,
  schedule: unknown,
  target: "agent" | "updater",
  input: Record<string, unknown>,
): Record<string, CfnResource> {
  return {
    [logicalId]: {
      Type: "AWS::Events::Rule",
      DependsOn: [liveAliasDependency(target)],
      Properties: {
        Description: description,
        ScheduleExpression: schedule,
        State: "ENABLED",
        Targets: [
          { Id: `${pascal(target)}Function`, Arn: liveAliasArn(target), Input: JSON.stringify(input) },
        ],
        Tags: tags,
      },
    },
    [`${logicalId}Permission`]: {
      Type: "AWS::Lambda::Permission",
      DependsOn: [liveAliasDependency(target)],
      Properties: {
        FunctionName: liveAliasArn(target),
        Action: "lambda:InvokeFunction",
        Principal: "events.amazonaws.com",
        SourceArn: getAtt(logicalId, "Arn"),
      },
    },
  };
}

/** `rate(1 hour)` but `rate(12 hours)`: EventBridge rejects the plural with 1 and the singular otherwise. */
function rateOf(parameter: string, unit: "minute" | "hour"): unknown {
  return ifThen(`${parameter}IsOne`, `rate(1 ${unit})`, sub(`rate(\${${parameter}} ${unit}s)`));
}

const RATE_PARAMETERS = ["HeartbeatMinutes", "ScanIntervalHours", "UpdateCheckHours"] as const;

export function rootTemplate(options: RootTemplateOptions = {}): CfnTemplate {
  const t = options.topology ?? defaultTopology;
  const table = options.eventTable ?? defaultEventTable;
  const idempotency = options.idempotencyTable ?? defaultIdempotencyTable;
  const releaseVersion = options.releaseVersion ?? "0.1.0";
  const queues = queuesPlacedIn("integration", t);
  const consumers = new Set(queues.map((q) => q.consumer));
  for (const needed of ["agent", "updater"] as const) {
    if (!consumers.has(needed))
      throw new Error(`the topology places no "${needed}" queue in the integration`);
  }
  const jobQueue = jobQueueDefinition("agent", t);

  const scanSchedule = rateOf("ScanIntervalHours", "hour");
  const parameterValue: Record<string, unknown> = {
    "platform-url": ref("PlatformUrl"),
    // The regions the stack was given, or `all` (every enabled region) when ScanRegions is empty.
    "enabled-regions": ifThen("HasScanRegions", ref("ScanRegions"), "all"),
    "scan-schedule": scanSchedule,
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
        TopicName: sub(`${topicDefinition("events", t).baseName}-\${IntegrationId}`),
        KmsMasterKeyId: "alias/aws/sns",
        Tags: tags,
      },
    },
    AlertsTopic: {
      Type: "AWS::SNS::Topic",
      Properties: {
        TopicName: sub(`${topicDefinition("alerts", t).baseName}-\${IntegrationId}`),
        KmsMasterKeyId: "alias/aws/sns",
        Tags: tags,
      },
    },
    AlertsEmailSubscription: {
      Type: "AWS::SNS::Subscription",
      Condition: "HasAlertEmail",
      Properties: { TopicArn: ref("AlertsTopic"), Protocol: "email", Endpoint: ref("AlertEmail") },
    },
    ...Object.assign({}, ...queues.map(deadLetterQueueResources)),
    ...Object.assign({}, ...queues.map((q) => lambdaSubscriptionResources(q, t))),
    ...jobQueueResources(jobQueue),
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
    IdempotencyTable: {
      Type: "AWS::DynamoDB::Table",
      DeletionPolicy: "Delete",
      UpdateReplacePolicy: "Delete",
      Properties: {
        TableName: sub(`${idempotency.baseName}-\${IntegrationId}`),
        BillingMode: idempotency.billingMode,
        AttributeDefinitions: [
          { AttributeName: idempotency.partitionKey.name, AttributeType: idempotency.partitionKey.type },
        ],
        KeySchema: [{ AttributeName: idempotency.partitionKey.name, KeyType: "HASH" }],
        TimeToLiveSpecification: { AttributeName: idempotency.ttlAttribute, Enabled: true },
        SSESpecification: { SSEEnabled: true },
        Tags: tags,
      },
    },
    ...ssmParameters,
    ...discoveryManagedPolicies(),
    AgentRole: {
      Type: "AWS::IAM::Role",
      Properties: {
        Description:
          "Vigil agent: read-only discovery, clean-up of what Vigil created, its own job queue, topics, tables and parameters",
        AssumeRolePolicyDocument: lambdaTrust,
        // The stack's own read-only policies (never AWS's): the discovery actions outgrew the
        // role's 10,240-character inline aggregate.
        ManagedPolicyArns: discoveryPolicies().map((_, i) => ref(discoveryPolicyId(i))),
        Policies: [
          inlinePolicy("cleanup", cleanupPolicy(INTEGRATION)),
          logsPolicy("AgentLogGroup"),
          inlinePolicy("integration", agentIntegrationPolicy()),
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
        PolicyDocument: ebsScanningPolicy(INTEGRATION),
      },
    },
    AgentEventBusPolicy: {
      Type: "AWS::IAM::RolePolicy",
      Condition: "HasPlatformEventBus",
      Properties: {
        RoleName: ref("AgentRole"),
        PolicyName: "event-bus",
        PolicyDocument: {
          Version: "2012-10-17",
          Statement: [
            {
              Sid: "PutResultEvents",
              Effect: "Allow",
              Action: "events:PutEvents",
              Resource: getAtt("AgentEventBus", "Arn"),
            },
          ],
        },
      },
    },
    UpdaterRole: {
      Type: "AWS::IAM::Role",
      Properties: {
        Description:
          "Vigil updater: replaces the agent's code with a verified release, rolls back on failure",
        AssumeRolePolicyDocument: lambdaTrust,
        Policies: [logsPolicy("UpdaterLogGroup"), inlinePolicy("update", updaterIntegrationPolicy())],
        Tags: tags,
      },
    },
    ...functionResources("agent", ARTIFACTS.agentZip, 1024, agentEnvironment(), releaseVersion),
    ...functionResources("updater", ARTIFACTS.updaterZip, 256, updaterEnvironment(), releaseVersion),
    ...scheduleRule(
      "HeartbeatRule",
      "Vigil: heartbeat (drains pending scan jobs, reports the integration alive)",
      rateOf("HeartbeatMinutes", "minute"),
      "agent",
      SCHEDULED_INPUTS.heartbeat,
    ),
    ...scheduleRule("ScanScheduleRule", "Vigil: full scan", scanSchedule, "agent", SCHEDULED_INPUTS.scan),
    ...scheduleRule(
      "UpdateCheckRule",
      "Vigil: check for a new release",
      rateOf("UpdateCheckHours", "hour"),
      "updater",
      SCHEDULED_INPUTS.updateCheck,
    ),
    Ec2StateChangeRule: {
      Type: "AWS::Events::Rule",
      DependsOn: [liveAliasDependency("agent")],
      Properties: {
        Description: "Vigil: rescan an instance when its state changes",
        EventPattern: { source: ["aws.ec2"], "detail-type": ["EC2 Instance State-change Notification"] },
        State: "ENABLED",
        Targets: [{ Id: "AgentFunction", Arn: liveAliasArn("agent") }],
        Tags: tags,
      },
    },
    Ec2StateChangeRulePermission: {
      Type: "AWS::Lambda::Permission",
      DependsOn: [liveAliasDependency("agent")],
      Properties: {
        FunctionName: liveAliasArn("agent"),
        Action: "lambda:InvokeFunction",
        Principal: "events.amazonaws.com",
        SourceArn: getAtt("Ec2StateChangeRule", "Arn"),
      },
    },
    ...eventRoutingResources(),
    Registration: {
      Type: "Custom::VigilRegistration",
      // Created last and deleted first: Create exchanges the token once everything it reports on
      // exists; Delete starts the teardown while the topic, queues and tables it needs are still there.
      DependsOn: [
        liveAliasDependency("agent"),
        "AgentSubscription",
        "AgentJobQueue",
        "EventTable",
        "IdempotencyTable",
        "ParameterPlatformUrl",
      ],
      Properties: {
        ServiceToken: liveAliasArn("agent"),
        ServiceTimeout: 300,
        // Read by the agent's custom resource (packages/agent/src/lifecycle/custom-resource.ts).
        IntegrationId: INTEGRATION,
        PlatformUrl: ref("PlatformUrl"),
        RegistrationToken: ref("RegistrationToken"),
        EnrollmentSecret: ref("EnrollmentSecret"),
        OrganizationId: ref("OrganizationId"),
        TemplateVersion: releaseVersion,
        EnabledRegions: ref("ScanRegions"),
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
          ImageParameter: ref("ScannerImageParameter"),
          // None given: the nested stack makes an isolated subnet of its own (each member account
          // of an organization has its own VPCs; a RAM-shared subnet has the same id everywhere).
          SubnetIds: ifThen("HasScannerSubnets", { "Fn::Join": [",", ref("ScannerSubnetIds")] }, ""),
          // Where the scanner fetches its bundle and the manifest it checks it against.
          ArtifactBucket: ref("ArtifactBucket"),
          ArtifactPrefix: ref("ArtifactPrefix"),
          EventsTopicArn: ref("EventsTopic"),
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
            Parameters: [
              "IntegrationId",
              "PlatformUrl",
              "RegistrationToken",
              "EnrollmentSecret",
              "OrganizationId",
            ],
          },
          {
            Label: { default: "Release" },
            Parameters: ["ArtifactBucket", "ArtifactPrefix", "ReleasePublicKeys"],
          },
          {
            Label: { default: "Scanning" },
            Parameters: [
              "ScanIntervalHours",
              "HeartbeatMinutes",
              "UpdateCheckHours",
              "ScanRegions",
              "Policies",
              "DisabledChecks",
              "EnableEbsScanning",
              "ScannerSubnetIds",
              "ScannerImageParameter",
            ],
          },
          { Label: { default: "Notifications" }, Parameters: ["AlertEmail"] },
        ],
      },
    },
    Parameters: {
      ...rootParameters,
      ArtifactPrefix: {
        ...rootParameters.ArtifactPrefix,
        Default: `releases/${releaseVersion}`,
      } as CfnParameter,
    },
    Conditions: {
      EbsScanningEnabled: equals(ref("EnableEbsScanning"), "true"),
      HasAlertEmail: not(equals(ref("AlertEmail"), "")),
      HasPlatformEventBus: not(equals(ref("PlatformEventBusArn"), "")),
      HasScannerSubnets: not(equals({ "Fn::Join": [",", ref("ScannerSubnetIds")] }, "")),
      HasScanRegions: not(equals(ref("ScanRegions"), "")),
      HasDisabledChecks: not(equals(ref("DisabledChecks"), "")),
      ...Object.fromEntries(RATE_PARAMETERS.map((p) => [`${p}IsOne`, equals(ref(p), "1")])),
    },
    Resources: resources,
    Outputs: {
      EventsTopicArn: { Description: "Topic carrying every Vigil event", Value: ref("EventsTopic") },
      AlertsTopicArn: { Description: "Topic for people: subscribe to be alerted", Value: ref("AlertsTopic") },
      AgentFunctionName: { Description: "The agent Lambda", Value: ref("AgentFunction") },
      UpdaterFunctionName: { Description: "The updater Lambda", Value: ref("UpdaterFunction") },
      AgentJobQueueUrl: { Description: "The agent's scan job queue", Value: ref("AgentJobQueue") },
      AgentDeadLetterQueueUrl: {
        Description: "What SNS or Lambda could not deliver to the agent (read with `vigil dlq`)",
        Value: ref("AgentDeadLetterQueue"),
      },
      EventTableName: { Description: "Event log table", Value: ref("EventTable") },
      IdempotencyTableName: {
        Description: "Handled event ids (TTL on expiresAt)",
        Value: ref("IdempotencyTable"),
      },
      EbsScanningStackId: {
        Description: "Nested stack of the EBS scanner",
        Value: ref("EbsScanningStack"),
        Condition: "EbsScanningEnabled",
      },
    },
  };
}

/**
 * Cross-account routing (an organization's member stacks): the agent puts its result events on the
 * integration's own bus, and this account's rule sends them to the platform's bus (whose policy
 * admits the organization), with a role that may put events there and nowhere else.
 */
function eventRoutingResources(): Record<string, CfnResource> {
  return {
    AgentEventBus: {
      Type: "AWS::Events::EventBus",
      Condition: "HasPlatformEventBus",
      Properties: { Name: sub("vigil-${IntegrationId}"), Tags: tags },
    },
    ForwardToPlatformRole: {
      Type: "AWS::IAM::Role",
      Condition: "HasPlatformEventBus",
      Properties: {
        Description: "Vigil: EventBridge sends this account's Vigil result events to the platform's bus",
        AssumeRolePolicyDocument: {
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Principal: { Service: "events.amazonaws.com" },
              Action: "sts:AssumeRole",
              Condition: { StringEquals: { "aws:SourceAccount": ref("AWS::AccountId") } },
            },
          ],
        },
        Policies: [
          inlinePolicy("put-to-platform", {
            Version: "2012-10-17",
            Statement: [
              { Effect: "Allow", Action: "events:PutEvents", Resource: ref("PlatformEventBusArn") },
            ],
          }),
        ],
        Tags: tags,
      },
    },
    ForwardToPlatformRule: {
      Type: "AWS::Events::Rule",
      Condition: "HasPlatformEventBus",
      Properties: {
        Description: "Vigil: the agent's result events to the platform's bus",
        EventBusName: getAtt("AgentEventBus", "Name"),
        // The agent's events, and the EBS scanner's results it passes on (`urn:vigil:ebs-scanner:`).
        EventPattern: {
          source: [{ prefix: "urn:vigil:agent:" }, { prefix: "urn:vigil:ebs-scanner:" }],
          "detail-type": [{ prefix: "vigil." }],
        },
        State: "ENABLED",
        Targets: [
          {
            Id: "platform-bus",
            Arn: ref("PlatformEventBusArn"),
            RoleArn: getAtt("ForwardToPlatformRole", "Arn"),
          },
        ],
        Tags: tags,
      },
    },
  };
}

/** The agent's environment (runtime contract §4); `VIGIL_RELEASE_VERSION` is defined at build time. */
export function agentEnvironment(): Record<string, unknown> {
  return {
    VIGIL_INTEGRATION_ID: INTEGRATION,
    VIGIL_ACCOUNT_ID: ref("AWS::AccountId"),
    VIGIL_PARAMETER_PREFIX: sub(`${PARAMETER_ROOT}/\${IntegrationId}`),
    VIGIL_EVENTS_TOPIC_ARN: ref("EventsTopic"),
    VIGIL_ALERTS_TOPIC_ARN: ref("AlertsTopic"),
    VIGIL_JOB_QUEUE_URL: ref("AgentJobQueue"),
    VIGIL_EVENT_TABLE: ref("EventTable"),
    VIGIL_IDEMPOTENCY_TABLE: ref("IdempotencyTable"),
    VIGIL_PLATFORM_URL: ref("PlatformUrl"),
    VIGIL_SCAN_REGIONS: ifThen("HasScanRegions", ref("ScanRegions"), noValue),
    VIGIL_POLICIES: ref("Policies"),
    VIGIL_DISABLED_CHECKS: ifThen("HasDisabledChecks", ref("DisabledChecks"), noValue),
    // The bus result events go to when the platform's bus is routed to (organization members).
    VIGIL_EVENT_BUS_NAME: ifThen("HasPlatformEventBus", getAtt("AgentEventBus", "Name"), noValue),
    // Scans include EBS volume scanning (an ebs shard per region) with the nested stack's scanner group.
    VIGIL_EBS_SCANNING: ref("EnableEbsScanning"),
  };
}

/** The updater's environment, spelled as `packages/updater/src/handlers/config.ts` reads it. */
export function updaterEnvironment(): Record<string, unknown> {
  return {
    VIGIL_INTEGRATION_ID: INTEGRATION,
    VIGIL_ACCOUNT_ID: ref("AWS::AccountId"),
    VIGIL_PLATFORM_URL: ref("PlatformUrl"),
    VIGIL_EVENT_TOPIC_ARN: ref("EventsTopic"),
    VIGIL_ALERT_TOPIC_ARN: ref("AlertsTopic"),
    VIGIL_RELEASE_BUCKET: ref("ArtifactBucket"),
    VIGIL_RELEASE_PUBLIC_KEYS: ref("ReleasePublicKeys"),
    VIGIL_AGENT_FUNCTION: sub("vigil-agent-${IntegrationId}"),
    VIGIL_UPDATER_FUNCTION: sub("vigil-updater-${IntegrationId}"),
  };
}
