// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${…}` here is CloudFormation Fn::Sub syntax, not a JS template.
/**
 * The platform's own stack (`vigil-platform.template.json`): the control plane a security team runs
 * in its own account. The HTTP API (the same hono app as locally) on Lambda behind a function URL;
 * the event log, projections and replay-guard tables (on demand, point-in-time recovery); the
 * claim-check bucket for large events; the EventBridge bus member accounts send to, a rule putting
 * what arrives on the ingest queue (with its dead-letter queue), and the ingest Lambda consuming it.
 * Roles are least privilege: each function gets exactly the tables, bucket prefix, queue and secret
 * it uses. The secrets (admin token, session key, users) are one SSM SecureString the operator
 * creates before the stack (`vigil deploy platform` does): CloudFormation cannot create
 * SecureStrings, and a secret in a template parameter or Lambda environment is readable by anyone
 * who can describe them.
 */
import { eventTable, idempotencyTable, tableKeySchema } from "@vigil/events";
import { type CfnResource, type CfnTemplate, equals, getAtt, ifThen, not, ref, sub } from "./cfn.ts";
import { LAMBDA_ARCHITECTURE, LAMBDA_RUNTIME } from "./root.ts";

export const PLATFORM_ARTIFACTS = {
  zip: "platform.zip",
  template: "vigil-platform.template.json",
} as const;

/** Names the tables get (`<base>-<StackName>`), and the handler exports of platform.zip. */
export const PLATFORM_HANDLERS = { api: "index.handler", ingest: "index.ingestHandler" } as const;

const PLATFORM_TAGS = [
  { Key: "Created By", Value: "Vigil" },
  { Key: "Vigil Component", Value: "platform" },
];

const lambdaTrust = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
};

const policy = (name: string, statements: unknown[]) => ({
  PolicyName: name,
  PolicyDocument: { Version: "2012-10-17", Statement: statements },
});

const logs = (logGroup: string) =>
  policy("logs", [
    {
      Effect: "Allow",
      Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
      Resource: sub(`\${${logGroup}.Arn}`),
    },
  ]);

/** The event log: append (conditional puts and transactions), read streams, readAll over the GSI. */
function eventLogStatements(write: boolean) {
  return [
    {
      Sid: "EventLog",
      Effect: "Allow",
      Action: [
        "dynamodb:Query",
        "dynamodb:GetItem",
        "dynamodb:DescribeTable",
        ...(write ? ["dynamodb:PutItem", "dynamodb:ConditionCheckItem"] : []),
      ],
      Resource: [getAtt("EventTable", "Arn"), sub("${EventTable.Arn}/index/*")],
    },
    {
      Sid: "ClaimCheck",
      Effect: "Allow",
      Action: write ? ["s3:GetObject", "s3:PutObject"] : ["s3:GetObject"],
      Resource: sub("${ClaimCheckBucket.Arn}/event-payloads/*"),
    },
  ];
}

const SECRET_ARN =
  "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter${ProtectedSettingsParameter}";

function functionResources(
  id: "Api" | "Ingest",
  handler: string,
  memoryMb: number,
  timeoutSeconds: number,
  environment: Record<string, unknown>,
): Record<string, CfnResource> {
  return {
    [`${id}LogGroup`]: {
      Type: "AWS::Logs::LogGroup",
      DeletionPolicy: "Delete",
      UpdateReplacePolicy: "Delete",
      Properties: {
        LogGroupName: sub(`/aws/lambda/\${AWS::StackName}-${id.toLowerCase()}`),
        RetentionInDays: 90,
        Tags: PLATFORM_TAGS,
      },
    },
    [`${id}Function`]: {
      Type: "AWS::Lambda::Function",
      Properties: {
        FunctionName: sub(`\${AWS::StackName}-${id.toLowerCase()}`),
        Description: `Vigil platform ${id === "Api" ? "HTTP API and dashboard" : "ingest from member accounts"}`,
        Runtime: LAMBDA_RUNTIME,
        Architectures: [LAMBDA_ARCHITECTURE],
        Handler: handler,
        MemorySize: memoryMb,
        Timeout: timeoutSeconds,
        Role: getAtt(`${id}Role`, "Arn"),
        Code: { S3Bucket: ref("ArtifactBucket"), S3Key: sub(`\${ArtifactPrefix}/${PLATFORM_ARTIFACTS.zip}`) },
        LoggingConfig: { LogGroup: ref(`${id}LogGroup`), LogFormat: "JSON" },
        Environment: {
          Variables: {
            NODE_OPTIONS: "--enable-source-maps",
            VIGIL_EVENT_TABLE: ref("EventTable"),
            VIGIL_CLAIM_CHECK_BUCKET: ref("ClaimCheckBucket"),
            ...environment,
          },
        },
        Tags: PLATFORM_TAGS,
      },
    },
  };
}

export function platformTemplate(options: { releaseVersion?: string } = {}): CfnTemplate {
  const releaseVersion = options.releaseVersion ?? "0.1.0";
  const table = eventTable;
  return {
    AWSTemplateFormatVersion: "2010-09-09",
    Description: `Vigil platform ${releaseVersion}: API and dashboard (Lambda function URL), event log, ingest bus and queue`,
    Parameters: {
      ArtifactBucket: {
        Type: "String",
        Description: "S3 bucket (in this region) holding the release artifacts",
      },
      ArtifactPrefix: {
        Type: "String",
        Description: "Key prefix of the release inside the bucket (releases/<version>)",
        Default: `releases/${releaseVersion}`,
      },
      ProtectedSettingsParameter: {
        Type: "String",
        Description:
          "SSM SecureString parameter holding the platform's secrets as JSON {adminToken, sessionSecret, users, oidc?} (vigil deploy platform creates it; add oidc to sign in through your identity provider)",
        Default: "/vigil/platform/secrets",
        AllowedPattern: "^/[A-Za-z0-9_./-]{1,1000}$",
        ConstraintDescription: "an SSM parameter name starting with /",
      },
      OrganizationId: {
        Type: "String",
        Description:
          "AWS Organizations id whose accounts may send to the ingest bus (empty: this account only)",
        Default: "",
        AllowedPattern: "^(o-[a-z0-9]{10,32})?$",
        ConstraintDescription: "empty or an organization id such as o-abc123def4",
      },
    },
    Conditions: {
      HasOrganization: not(equals(ref("OrganizationId"), "")),
    },
    Resources: {
      EventTable: {
        Type: "AWS::DynamoDB::Table",
        DeletionPolicy: "Retain",
        UpdateReplacePolicy: "Retain",
        Properties: {
          TableName: sub("${AWS::StackName}-events"),
          ...tableKeySchema(table),
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          SSESpecification: { SSEEnabled: true },
          DeletionProtectionEnabled: true,
          Tags: PLATFORM_TAGS,
        },
      },
      ProjectionTable: {
        Type: "AWS::DynamoDB::Table",
        // Rebuilt from the log at any time (`vigil replay --rebuild`).
        DeletionPolicy: "Delete",
        UpdateReplacePolicy: "Delete",
        Properties: {
          TableName: sub("${AWS::StackName}-projections"),
          BillingMode: "PAY_PER_REQUEST",
          AttributeDefinitions: [
            { AttributeName: "pk", AttributeType: "S" },
            { AttributeName: "sk", AttributeType: "S" },
          ],
          KeySchema: [
            { AttributeName: "pk", KeyType: "HASH" },
            { AttributeName: "sk", KeyType: "RANGE" },
          ],
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          SSESpecification: { SSEEnabled: true },
          Tags: PLATFORM_TAGS,
        },
      },
      ReplayTable: {
        Type: "AWS::DynamoDB::Table",
        DeletionPolicy: "Delete",
        UpdateReplacePolicy: "Delete",
        Properties: {
          TableName: sub("${AWS::StackName}-replay"),
          BillingMode: idempotencyTable.billingMode,
          AttributeDefinitions: [
            {
              AttributeName: idempotencyTable.partitionKey.name,
              AttributeType: idempotencyTable.partitionKey.type,
            },
          ],
          KeySchema: [{ AttributeName: idempotencyTable.partitionKey.name, KeyType: "HASH" }],
          TimeToLiveSpecification: { AttributeName: idempotencyTable.ttlAttribute, Enabled: true },
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          SSESpecification: { SSEEnabled: true },
          Tags: PLATFORM_TAGS,
        },
      },
      ClaimCheckBucket: {
        Type: "AWS::S3::Bucket",
        DeletionPolicy: "Retain",
        UpdateReplacePolicy: "Retain",
        Properties: {
          BucketEncryption: {
            ServerSideEncryptionConfiguration: [
              { ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } },
            ],
          },
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            BlockPublicPolicy: true,
            IgnorePublicAcls: true,
            RestrictPublicBuckets: true,
          },
          OwnershipControls: { Rules: [{ ObjectOwnership: "BucketOwnerEnforced" }] },
          VersioningConfiguration: { Status: "Enabled" },
          Tags: PLATFORM_TAGS,
        },
      },
      ClaimCheckBucketPolicy: {
        Type: "AWS::S3::BucketPolicy",
        Properties: {
          Bucket: ref("ClaimCheckBucket"),
          PolicyDocument: {
            Version: "2012-10-17",
            Statement: [
              {
                Sid: "TlsOnly",
                Effect: "Deny",
                Principal: "*",
                Action: "s3:*",
                Resource: [getAtt("ClaimCheckBucket", "Arn"), sub("${ClaimCheckBucket.Arn}/*")],
                Condition: { Bool: { "aws:SecureTransport": "false" } },
              },
            ],
          },
        },
      },
      IngestDeadLetterQueue: {
        Type: "AWS::SQS::Queue",
        Properties: {
          QueueName: sub("${AWS::StackName}-ingest-dlq"),
          MessageRetentionPeriod: 1_209_600,
          SqsManagedSseEnabled: true,
          Tags: PLATFORM_TAGS,
        },
      },
      IngestQueue: {
        Type: "AWS::SQS::Queue",
        Properties: {
          QueueName: sub("${AWS::StackName}-ingest"),
          // Six times the ingest function's timeout, as AWS advises for event source mappings.
          VisibilityTimeout: 180,
          ReceiveMessageWaitTimeSeconds: 20,
          SqsManagedSseEnabled: true,
          RedrivePolicy: { deadLetterTargetArn: getAtt("IngestDeadLetterQueue", "Arn"), maxReceiveCount: 5 },
          Tags: PLATFORM_TAGS,
        },
      },
      IngestQueuePolicy: {
        Type: "AWS::SQS::QueuePolicy",
        Properties: {
          Queues: [ref("IngestQueue")],
          PolicyDocument: {
            Version: "2012-10-17",
            Statement: [
              {
                Sid: "FromTheIngestRule",
                Effect: "Allow",
                Principal: { Service: "events.amazonaws.com" },
                Action: "sqs:SendMessage",
                Resource: getAtt("IngestQueue", "Arn"),
                Condition: { ArnEquals: { "aws:SourceArn": getAtt("IngestRule", "Arn") } },
              },
            ],
          },
        },
      },
      EventBus: {
        Type: "AWS::Events::EventBus",
        Properties: { Name: sub("${AWS::StackName}-ingest") },
      },
      EventBusPolicy: {
        Type: "AWS::Events::EventBusPolicy",
        Condition: "HasOrganization",
        Properties: {
          EventBusName: getAtt("EventBus", "Name"),
          StatementId: "MemberAccountsPutEvents",
          Statement: {
            Effect: "Allow",
            Principal: "*",
            Action: "events:PutEvents",
            Resource: getAtt("EventBus", "Arn"),
            Condition: { StringEquals: { "aws:PrincipalOrgID": ref("OrganizationId") } },
          },
        },
      },
      IngestRule: {
        Type: "AWS::Events::Rule",
        Properties: {
          Description: "Vigil events from member accounts to the platform's ingest queue",
          // Its name by GetAtt (a Ref gives the name on AWS, but moto's Ref gives its model object).
          EventBusName: getAtt("EventBus", "Name"),
          EventPattern: { source: [{ prefix: "urn:vigil:" }], "detail-type": [{ prefix: "vigil." }] },
          State: "ENABLED",
          // EventBridge's whole envelope: its `account` (set by EventBridge, the sender) is checked
          // against the integration's before the detail (the CloudEvent) is recorded.
          Targets: [{ Id: "ingest-queue", Arn: getAtt("IngestQueue", "Arn") }],
        },
      },
      ApiRole: {
        Type: "AWS::IAM::Role",
        Properties: {
          Description: "Vigil platform API: its tables, the claim-check prefix, its secret",
          AssumeRolePolicyDocument: lambdaTrust,
          Policies: [
            logs("ApiLogGroup"),
            policy("platform-api", [
              ...eventLogStatements(true),
              {
                Sid: "ViewsReplayGuardAndAttempts",
                Effect: "Allow",
                Action: [
                  "dynamodb:GetItem",
                  "dynamodb:PutItem",
                  "dynamodb:UpdateItem",
                  "dynamodb:Query",
                  "dynamodb:DescribeTable",
                ],
                Resource: [getAtt("ProjectionTable", "Arn"), getAtt("ReplayTable", "Arn")],
              },
              { Sid: "Secrets", Effect: "Allow", Action: "ssm:GetParameter", Resource: sub(SECRET_ARN) },
              {
                Sid: "DecryptSecretsThroughSsm",
                Effect: "Allow",
                Action: "kms:Decrypt",
                Resource: sub("arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/*"),
                Condition: {
                  StringEquals: { "kms:ViaService": sub("ssm.${AWS::Region}.${AWS::URLSuffix}") },
                },
              },
            ]),
          ],
          Tags: PLATFORM_TAGS,
        },
      },
      IngestRole: {
        Type: "AWS::IAM::Role",
        Properties: {
          Description: "Vigil platform ingest: the ingest queue, the event log and the claim-check prefix",
          AssumeRolePolicyDocument: lambdaTrust,
          Policies: [
            logs("IngestLogGroup"),
            policy("platform-ingest", [
              ...eventLogStatements(true),
              {
                Sid: "IngestQueue",
                Effect: "Allow",
                Action: [
                  "sqs:ReceiveMessage",
                  "sqs:DeleteMessage",
                  "sqs:GetQueueAttributes",
                  "sqs:ChangeMessageVisibility",
                ],
                Resource: getAtt("IngestQueue", "Arn"),
              },
              {
                Sid: "DeadLetters",
                Effect: "Allow",
                Action: "sqs:SendMessage",
                Resource: getAtt("IngestDeadLetterQueue", "Arn"),
              },
            ]),
          ],
          Tags: PLATFORM_TAGS,
        },
      },
      ...functionResources("Api", PLATFORM_HANDLERS.api, 1024, 29, {
        VIGIL_SECRETS_PARAMETER: ref("ProtectedSettingsParameter"),
        VIGIL_PROJECTION_TABLE: ref("ProjectionTable"),
        VIGIL_REPLAY_TABLE: ref("ReplayTable"),
      }),
      ...functionResources("Ingest", PLATFORM_HANDLERS.ingest, 512, 30, {
        VIGIL_INGEST_DLQ_URL: ref("IngestDeadLetterQueue"),
      }),
      ApiUrl: {
        Type: "AWS::Lambda::Url",
        Properties: {
          TargetFunctionArn: getAtt("ApiFunction", "Arn"),
          // The app authenticates every request itself (admin token, sessions, signed agent requests).
          AuthType: "NONE",
          InvokeMode: "BUFFERED",
        },
      },
      ApiUrlPermission: {
        Type: "AWS::Lambda::Permission",
        Properties: {
          FunctionName: ref("ApiFunction"),
          Action: "lambda:InvokeFunctionUrl",
          Principal: "*",
          FunctionUrlAuthType: "NONE",
        },
      },
      IngestEventSourceMapping: {
        Type: "AWS::Lambda::EventSourceMapping",
        Properties: {
          EventSourceArn: getAtt("IngestQueue", "Arn"),
          FunctionName: ref("IngestFunction"),
          BatchSize: 10,
          MaximumBatchingWindowInSeconds: 5,
          FunctionResponseTypes: ["ReportBatchItemFailures"],
        },
      },
    },
    Outputs: {
      ApiUrl: {
        Description: "The platform's URL (API and dashboard): PlatformUrl of every agent stack",
        Value: getAtt("ApiUrl", "FunctionUrl"),
      },
      ApiFunctionName: { Description: "The API function", Value: ref("ApiFunction") },
      IngestFunctionName: { Description: "The ingest function", Value: ref("IngestFunction") },
      EventBusArn: {
        Description: "The bus member accounts send Vigil events to",
        Value: getAtt("EventBus", "Arn"),
      },
      IngestQueueUrl: { Description: "The ingest queue", Value: ref("IngestQueue") },
      IngestDeadLetterQueueUrl: {
        Description: "What ingest could not record, with the reason",
        Value: ref("IngestDeadLetterQueue"),
      },
      EventTableName: { Description: "The platform's event log", Value: ref("EventTable") },
      ClaimCheckBucketName: { Description: "Large events' data", Value: ref("ClaimCheckBucket") },
      OrganizationBusPolicy: {
        Description: "Whether member accounts of the organization may put events",
        Value: ifThen("HasOrganization", "organization", "this account only"),
      },
    },
  };
}
