/**
 * Applies the messaging topology, the event log and idempotency tables and the SSM parameters to
 * the local stack, with the real SDK clients. The same data infra renders into CloudFormation, so
 * what the demo and the integration tests run against has the shape of a deployed integration.
 *
 * One deliberate difference: a deployed stack has SNS push to the agent's and updater's Lambdas
 * (subscription delivery `lambda`), which has no local stand-in. Locally every consumer gets its
 * queue, subscribed with raw delivery and the same filter policy, so tests drive those consumers
 * through the bus. The agent's job queue is created as in the stack.
 */
import { CreateTableCommand, DescribeTableCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { CreateTopicCommand, type SNSClient, SubscribeCommand } from "@aws-sdk/client-sns";
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from "@aws-sdk/client-sqs";
import { PutParameterCommand, type SSMClient } from "@aws-sdk/client-ssm";
import {
  type ConsumerName,
  createIdempotencyTable,
  type DeadLetterQueueDefinition,
  deadLetterQueueNameFor,
  eventTable as defaultEventTable,
  idempotencyTable as defaultIdempotencyTable,
  topology as defaultTopology,
  type EventTableDefinition,
  eventTableNameFor,
  type IdempotencyTableDefinition,
  idempotencyTableNameFor,
  integrationParameters,
  jobDeadLetterQueueNameFor,
  jobQueueNameFor,
  type ParameterDefinition,
  type Placement,
  parameterNameFor,
  queueNameFor,
  type TopicKey,
  type Topology,
  tableKeySchema,
  topicNameFor,
} from "@vigil/events";

/** What provisioning needs from the local stack: its region and four SDK clients. */
export interface ProvisioningTarget {
  readonly region: string;
  readonly clients: {
    readonly sqs: SQSClient;
    readonly sns: SNSClient;
    /** Absent when the stack runs without DynamoDB Local (no Java): the table is then skipped. */
    readonly dynamodb?: DynamoDBClient | undefined;
    readonly ssm: SSMClient;
  };
}

export interface ProvisionOptions {
  readonly topology?: Topology;
  readonly eventTable?: EventTableDefinition;
  readonly idempotencyTable?: IdempotencyTableDefinition;
  /** Suffix for every name (`vigil-agent-<id>`); omitted, names are the bare base names. */
  readonly integrationId?: string;
  /** Which queues to create; locally one process plays every part, so all by default. */
  readonly placements?: readonly Placement[];
  /** Overrides for SSM parameter values, by key (`platform-url`, …). */
  readonly parameterValues?: Readonly<Record<string, string>>;
  /** The integration id the SSM parameters are stored under (defaults to `integrationId` or `local`). */
  readonly parameterIntegrationId?: string;
  readonly parameters?: readonly ParameterDefinition[];
}

export interface ProvisionedQueue {
  readonly name: string;
  readonly url: string;
  readonly arn: string;
  readonly deadLetter: { readonly name: string; readonly url: string; readonly arn: string };
}

export interface ProvisionedStack {
  readonly topics: Readonly<Partial<Record<TopicKey, { readonly name: string; readonly arn: string }>>>;
  readonly queues: Readonly<Partial<Record<ConsumerName, ProvisionedQueue>>>;
  /** Work queues by owner (the agent's scan jobs), with their DLQs; no subscription feeds them. */
  readonly jobQueues: Readonly<Partial<Record<ConsumerName, ProvisionedQueue>>>;
  readonly subscriptionArns: readonly string[];
  /** Undefined when the target has no DynamoDB (the demo then uses the in-memory event store). */
  readonly eventTableName: string | undefined;
  /** Undefined without DynamoDB. DynamoDB Local ignores TTL: expired items stay, which readers tolerate. */
  readonly idempotencyTableName: string | undefined;
  readonly parameterNames: readonly string[];
}

export class ProvisioningError extends Error {
  override readonly name = "ProvisioningError";
}

export async function provisionLocalStack(
  target: ProvisioningTarget,
  options: ProvisionOptions = {},
): Promise<ProvisionedStack> {
  const topology = options.topology ?? defaultTopology;
  const table = options.eventTable ?? defaultEventTable;
  const placements = options.placements ?? ["integration", "platform"];
  const { integrationId } = options;
  const { sqs, sns, dynamodb, ssm } = target.clients;

  const topics: Partial<Record<TopicKey, { name: string; arn: string }>> = {};
  for (const topic of topology.topics) {
    const name = topicNameFor(topic.key, integrationId, topology);
    const out = await sns.send(new CreateTopicCommand({ Name: name, Tags: vigilTags(integrationId) }));
    topics[topic.key] = { name, arn: required(out.TopicArn, `CreateTopic ${name} returned no TopicArn`) };
  }

  const queues: Partial<Record<ConsumerName, ProvisionedQueue>> = {};
  for (const queue of topology.queues.filter((q) => placements.includes(q.placement))) {
    queues[queue.consumer] = await createQueueWithDeadLetter(sqs, queue, {
      name: queueNameFor(queue.consumer, integrationId, topology),
      deadLetterName: deadLetterQueueNameFor(queue.consumer, integrationId, topology),
    });
  }

  const jobQueues: Partial<Record<ConsumerName, ProvisionedQueue>> = {};
  for (const queue of topology.jobQueues.filter((q) => placements.includes(q.placement))) {
    jobQueues[queue.owner] = await createQueueWithDeadLetter(sqs, queue, {
      name: jobQueueNameFor(queue.owner, integrationId, topology),
      deadLetterName: jobDeadLetterQueueNameFor(queue.owner, integrationId, topology),
    });
  }

  const subscriptionArns: string[] = [];
  for (const sub of topology.subscriptions) {
    const topic = topics[sub.topic];
    const queue = queues[sub.consumer];
    if (!topic || !queue) continue; // the consumer lives in another placement
    const out = await sns.send(
      new SubscribeCommand({
        TopicArn: topic.arn,
        Protocol: "sqs",
        Endpoint: queue.arn,
        ReturnSubscriptionArn: true,
        Attributes: {
          RawMessageDelivery: String(sub.rawMessageDelivery),
          FilterPolicyScope: "MessageAttributes",
          FilterPolicy: JSON.stringify(sub.filterPolicy),
        },
      }),
    );
    subscriptionArns.push(
      required(out.SubscriptionArn, `Subscribe ${queue.name} returned no SubscriptionArn`),
    );
  }

  let eventTableName: string | undefined;
  let idempotencyTableName: string | undefined;
  if (dynamodb) {
    eventTableName = eventTableNameFor(integrationId, table);
    await createEventTable(dynamodb, table, eventTableName);
    const idempotency = options.idempotencyTable ?? defaultIdempotencyTable;
    idempotencyTableName = idempotencyTableNameFor(integrationId, idempotency);
    await createIdempotencyTable(dynamodb, idempotencyTableName, idempotency);
  }

  const parameterIntegrationId = options.parameterIntegrationId ?? integrationId ?? "local";
  const parameterNames: string[] = [];
  for (const p of options.parameters ?? integrationParameters) {
    const name = parameterNameFor(parameterIntegrationId, p.key);
    await ssm.send(
      new PutParameterCommand({
        Name: name,
        Value: options.parameterValues?.[p.key] ?? p.defaultValue,
        Type: "String",
        Description: p.description,
        Overwrite: true,
      }),
    );
    parameterNames.push(name);
  }

  return {
    topics,
    queues,
    jobQueues,
    subscriptionArns,
    eventTableName,
    idempotencyTableName,
    parameterNames,
  };
}

function vigilTags(integrationId?: string) {
  return [
    { Key: "Created By", Value: "Vigil" },
    { Key: "Integration Id", Value: integrationId ?? "local" },
  ];
}

/** What a consumer queue and a job queue share: enough to create either with its DLQ. */
interface QueueAttributes {
  readonly visibilityTimeoutSeconds: number;
  readonly receiveWaitTimeSeconds: number;
  readonly messageRetentionSeconds: number;
  readonly deadLetter: DeadLetterQueueDefinition;
}

async function createQueueWithDeadLetter(
  sqs: SQSClient,
  queue: QueueAttributes,
  names: { readonly name: string; readonly deadLetterName: string },
): Promise<ProvisionedQueue> {
  const dlqName = names.deadLetterName;
  const dlq = await sqs.send(
    new CreateQueueCommand({
      QueueName: dlqName,
      Attributes: { MessageRetentionPeriod: String(queue.deadLetter.messageRetentionSeconds) },
    }),
  );
  const dlqUrl = required(dlq.QueueUrl, `CreateQueue ${dlqName} returned no QueueUrl`);
  const dlqArn = await queueArn(sqs, dlqUrl);

  const name = names.name;
  const main = await sqs.send(
    new CreateQueueCommand({
      QueueName: name,
      Attributes: {
        VisibilityTimeout: String(queue.visibilityTimeoutSeconds),
        ReceiveMessageWaitTimeSeconds: String(queue.receiveWaitTimeSeconds),
        MessageRetentionPeriod: String(queue.messageRetentionSeconds),
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: dlqArn,
          maxReceiveCount: queue.deadLetter.maxReceiveCount,
        }),
      },
    }),
  );
  const url = required(main.QueueUrl, `CreateQueue ${name} returned no QueueUrl`);
  return {
    name,
    url,
    arn: await queueArn(sqs, url),
    deadLetter: { name: dlqName, url: dlqUrl, arn: dlqArn },
  };
}

async function queueArn(sqs: SQSClient, url: string): Promise<string> {
  const out = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["QueueArn"] }));
  return required(out.Attributes?.QueueArn, `GetQueueAttributes ${url} returned no QueueArn`);
}

async function createEventTable(dynamodb: DynamoDBClient, table: EventTableDefinition, name: string) {
  try {
    await dynamodb.send(
      new CreateTableCommand({
        TableName: name,
        ...tableKeySchema(table),
      }),
    );
  } catch (err) {
    // Provisioning is idempotent: a table that already exists (a second `deploy --local`) is fine.
    if ((err as { name?: string }).name !== "ResourceInUseException") throw err;
  }
  const described = await dynamodb.send(new DescribeTableCommand({ TableName: name }));
  if (!described.Table) throw new ProvisioningError(`table ${name} was not created`);
}

function required<T>(value: T | undefined, message: string): T {
  if (value === undefined) throw new ProvisioningError(message);
  return value;
}
