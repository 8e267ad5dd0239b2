/**
 * The messaging topology as data: one definition of the topics, consumer queues, dead-letter
 * queues and subscriptions, read by infra (CloudFormation), testkit (local provisioning) and the
 * bus (queue and topic names). No SDK import here: this file describes, it never calls AWS.
 */

/** Event types are `vigil.<area>.<fact>.v<N>`; filters match on the message attribute `type`. */
export const TYPE_ATTRIBUTE = "type";
export const INTEGRATION_ID_ATTRIBUTE = "integrationId";

export type TopicKey = "events" | "alerts";
export type ConsumerName = "agent" | "platform" | "updater";

/** Where a consumer's queue lives: in the customer's account (the integration stack) or the control plane. */
export type Placement = "integration" | "platform";

export interface TopicDefinition {
  readonly key: TopicKey;
  /** Base name; `topicNameFor` adds the integration id where names must be unique per stack. */
  readonly baseName: string;
  readonly description: string;
  /** Which protocols subscribe to it: `sqs` for consumer queues, `email`/`https` for people. */
  readonly audience: "consumers" | "people";
}

export interface DeadLetterQueueDefinition {
  /** After this many failed receives a message moves to the DLQ instead of blocking the queue. */
  readonly maxReceiveCount: number;
  readonly messageRetentionSeconds: number;
}

export interface QueueDefinition {
  readonly consumer: ConsumerName;
  readonly baseName: string;
  readonly placement: Placement;
  readonly description: string;
  /** Must exceed the consuming Lambda's timeout (AWS recommends 6×), or in-flight messages reappear. */
  readonly visibilityTimeoutSeconds: number;
  /** Long polling: cheaper (fewer empty receives) and lower latency than short polling. */
  readonly receiveWaitTimeSeconds: number;
  readonly messageRetentionSeconds: number;
  /** Batch receive size used by the bus and by the Lambda event source mapping. */
  readonly batchSize: number;
  readonly deadLetter: DeadLetterQueueDefinition;
}

/**
 * How a subscription reaches its consumer in a deployed stack:
 * - `lambda`: SNS invokes the consumer's Lambda directly (protocol `lambda`). Nothing polls, and
 *   SNS → Lambda deliveries are not billed; the Lambda receives the SNS envelope
 *   (`Records[].Sns.Message` = the event JSON). Deliveries SNS cannot make go to the consumer's
 *   dead-letter queue (the subscription's redrive policy). Used in the customer's account, where
 *   an idle SQS event-source mapping alone would cost ~130,000 billed receives a month per poller.
 * - `sqs`: SNS → the consumer's queue (raw delivery), drained by a Lambda event-source mapping:
 *   the control plane's ingest, which runs at organization scale where polling is always busy.
 * Locally there is no SNS → Lambda push: testkit provisions a queue for every consumer (with the
 * subscription's raw delivery) so tests drive `lambda` consumers through the bus.
 */
export type Delivery = "lambda" | "sqs";

/** SNS filter policy on message attributes, prefix matching on `type`. */
export interface TypeFilterPolicy {
  readonly [TYPE_ATTRIBUTE]: ReadonlyArray<{ readonly prefix: string }>;
}

export interface SubscriptionDefinition {
  readonly topic: TopicKey;
  readonly consumer: ConsumerName;
  readonly delivery: Delivery;
  /**
   * Raw delivery wherever the subscription ends at a queue (`sqs` delivery, and every local
   * stand-in queue): the SQS body is the event JSON itself, attributes become SQS message
   * attributes. SNS → Lambda always carries the SNS envelope; raw delivery does not apply there.
   */
  readonly rawMessageDelivery: true;
  readonly filterPolicy: TypeFilterPolicy;
}

/**
 * A work queue a consumer fills and drains itself: no subscription and no event-source mapping.
 * The agent's scan jobs (shards) live here, so they survive a crash and the 15-minute Lambda
 * limit; the agent drains it while handling a scan request and on every heartbeat.
 */
export interface JobQueueDefinition {
  readonly owner: ConsumerName;
  /** `vigil-agent-jobs`; `jobQueueNameFor` adds the integration id. */
  readonly baseName: string;
  readonly placement: Placement;
  readonly description: string;
  /**
   * The owner's Lambda timeout: a job received by an invocation cannot outlive it, so after this
   * long an unacknowledged job is abandoned and the next drain takes it again.
   */
  readonly visibilityTimeoutSeconds: number;
  /** Long polling for receives that do not set their own wait: one poll asks every SQS server. */
  readonly receiveWaitTimeSeconds: number;
  readonly messageRetentionSeconds: number;
  readonly deadLetter: DeadLetterQueueDefinition;
}

export interface Topology {
  readonly topics: readonly TopicDefinition[];
  /** One queue per consumer: its own dead-letter queue, and where its subscriptions deliver when `sqs`. */
  readonly queues: readonly QueueDefinition[];
  readonly subscriptions: readonly SubscriptionDefinition[];
  readonly jobQueues: readonly JobQueueDefinition[];
}

const FOURTEEN_DAYS = 14 * 24 * 60 * 60;
const FOUR_DAYS = 4 * 24 * 60 * 60;
const LONG_POLL_SECONDS = 20;
const MAX_RECEIVE_COUNT = 5;

/** Lambda timeouts the queues are sized against (infra uses the same numbers for the functions). */
export const LAMBDA_TIMEOUT_SECONDS: Readonly<Record<ConsumerName, number>> = {
  agent: 300,
  platform: 60,
  updater: 120,
};

function queue(consumer: ConsumerName, placement: Placement, description: string): QueueDefinition {
  return {
    consumer,
    baseName: `vigil-${consumer}`,
    placement,
    description,
    visibilityTimeoutSeconds: LAMBDA_TIMEOUT_SECONDS[consumer] * 6,
    receiveWaitTimeSeconds: LONG_POLL_SECONDS,
    messageRetentionSeconds: FOUR_DAYS,
    batchSize: 10,
    deadLetter: { maxReceiveCount: MAX_RECEIVE_COUNT, messageRetentionSeconds: FOURTEEN_DAYS },
  };
}

function prefixes(...values: string[]): TypeFilterPolicy {
  return { [TYPE_ATTRIBUTE]: values.map((prefix) => ({ prefix })) };
}

/**
 * The updater's outcomes the agent takes from the topic and relays to the platform (the updater
 * holds no platform credentials): the agent's subscription filter and its handler's routing both
 * read this one list.
 */
export const UPDATER_OUTCOME_PREFIXES: readonly string[] = [
  "vigil.update.applied.",
  "vigil.update.refused.",
  "vigil.update.rolled-back.",
  "vigil.update.alert-raised.",
  "vigil.update.check-failed.",
];

/**
 * The one topology. Prefixes end at a `.` boundary (`vigil.scan.requested.`) so that
 * `vigil.scan.requested.v2` matches while a hypothetical `vigil.scan.requested-later.v1` does not.
 */
export const topology: Topology = {
  topics: [
    {
      key: "events",
      baseName: "vigil-events",
      description:
        "Vigil events for the consumers subscribed to them (message attributes `type` and `integrationId`): commands and update facts; results only where the platform subscribes (the local stack)",
      audience: "consumers",
    },
    {
      key: "alerts",
      baseName: "vigil-alerts",
      description: "Notifications for people (update refused or rolled back, integration failing)",
      audience: "people",
    },
  ],
  queues: [
    queue(
      "agent",
      "integration",
      "Commands and events for the in-account agent. Deployed: only its DLQ exists (SNS pushes to the Lambda); locally: the stand-in queue tests drive",
    ),
    queue(
      "updater",
      "integration",
      "Update checks and release notifications for the self-updater. Deployed: only its DLQ exists (SNS pushes to the Lambda)",
    ),
    queue(
      "platform",
      "platform",
      "Ingest of scan results, counts and lifecycle facts into the control plane",
    ),
  ],
  subscriptions: [
    {
      topic: "events",
      consumer: "agent",
      delivery: "lambda",
      rawMessageDelivery: true,
      // Commands, the EBS scanner's results, and the updater's outcomes, which the agent relays to
      // the platform (the updater holds no platform credentials). `scan.resumed`,
      // `scan.shard-completed` and the EBS scan's own steps are facts the agent records itself and
      // reads back from its own streams: pushing them would invoke it once per step for nothing.
      filterPolicy: prefixes(
        "vigil.scan.requested.",
        "vigil.scan.settings-changed.",
        "vigil.integration.credentials-issued.",
        "vigil.integration.delete-requested.",
        "vigil.ebs.scanned.",
        ...UPDATER_OUTCOME_PREFIXES,
      ),
    },
    {
      topic: "events",
      consumer: "updater",
      delivery: "lambda",
      rawMessageDelivery: true,
      // `update.requested` is the command the updater's handler acts on (a forced update from the
      // platform). Its own `check-started`/`available` facts also come back; the handler ignores them.
      filterPolicy: prefixes(
        "vigil.update.requested.",
        "vigil.update.check-started.",
        "vigil.update.available.",
      ),
    },
    {
      topic: "events",
      consumer: "platform",
      delivery: "sqs",
      rawMessageDelivery: true,
      filterPolicy: prefixes(
        "vigil.integration.",
        "vigil.scan.",
        "vigil.counts.",
        "vigil.update.",
        "vigil.ebs.",
      ),
    },
  ],
  jobQueues: [
    {
      owner: "agent",
      baseName: "vigil-agent-jobs",
      placement: "integration",
      description: "Scan jobs (shards) the agent enqueues with DelaySeconds and jitter, and drains itself",
      visibilityTimeoutSeconds: LAMBDA_TIMEOUT_SECONDS.agent,
      receiveWaitTimeSeconds: LONG_POLL_SECONDS,
      messageRetentionSeconds: FOUR_DAYS,
      deadLetter: { maxReceiveCount: MAX_RECEIVE_COUNT, messageRetentionSeconds: FOURTEEN_DAYS },
    },
  ],
};

/** Errors are values a person can act on: which name, what was expected. */
export class TopologyError extends Error {
  override readonly name = "TopologyError";
}

/** Integration ids become part of resource names: keep them to what SQS/SNS names accept. */
const INTEGRATION_ID = /^[A-Za-z0-9_-]{1,40}$/;

function suffix(integrationId?: string): string {
  if (integrationId === undefined) return "";
  if (!INTEGRATION_ID.test(integrationId)) {
    throw new TopologyError(
      `integration id ${JSON.stringify(integrationId)} cannot be part of a queue or topic name: use 1-40 characters from A-Z a-z 0-9 _ -`,
    );
  }
  return `-${integrationId}`;
}

export function queueDefinition(consumer: ConsumerName, t: Topology = topology): QueueDefinition {
  const found = t.queues.find((q) => q.consumer === consumer);
  if (!found) throw new TopologyError(`no queue for consumer "${consumer}" in the topology`);
  return found;
}

export function topicDefinition(key: TopicKey, t: Topology = topology): TopicDefinition {
  const found = t.topics.find((x) => x.key === key);
  if (!found) throw new TopologyError(`no topic "${key}" in the topology`);
  return found;
}

/** `vigil-agent` or, per integration, `vigil-agent-<integrationId>` (≤ 80 characters, SQS's limit). */
export function queueNameFor(consumer: ConsumerName, integrationId?: string, t: Topology = topology): string {
  return `${queueDefinition(consumer, t).baseName}${suffix(integrationId)}`;
}

export function deadLetterQueueNameFor(
  consumer: ConsumerName,
  integrationId?: string,
  t: Topology = topology,
): string {
  return `${queueNameFor(consumer, integrationId, t)}-dlq`;
}

export function topicNameFor(key: TopicKey, integrationId?: string, t: Topology = topology): string {
  return `${topicDefinition(key, t).baseName}${suffix(integrationId)}`;
}

export function subscriptionsOf(consumer: ConsumerName, t: Topology = topology): SubscriptionDefinition[] {
  return t.subscriptions.filter((s) => s.consumer === consumer);
}

export function jobQueueDefinition(
  owner: ConsumerName = "agent",
  t: Topology = topology,
): JobQueueDefinition {
  const found = t.jobQueues.find((q) => q.owner === owner);
  if (!found) throw new TopologyError(`no job queue for "${owner}" in the topology`);
  return found;
}

/** `vigil-agent-jobs` or, per integration, `vigil-agent-jobs-<integrationId>`. */
export function jobQueueNameFor(
  owner: ConsumerName = "agent",
  integrationId?: string,
  t: Topology = topology,
): string {
  return `${jobQueueDefinition(owner, t).baseName}${suffix(integrationId)}`;
}

export function jobDeadLetterQueueNameFor(
  owner: ConsumerName = "agent",
  integrationId?: string,
  t: Topology = topology,
): string {
  return `${jobQueueNameFor(owner, integrationId, t)}-dlq`;
}

/** How the consumer's subscriptions deliver in a deployed stack (`sqs` when it has none). */
export function deliveryOf(consumer: ConsumerName, t: Topology = topology): Delivery {
  return subscriptionsOf(consumer, t).some((s) => s.delivery === "lambda") ? "lambda" : "sqs";
}

/** The queues a given stack owns: the integration stack omits the control plane's ingest queue. */
export function queuesPlacedIn(placement: Placement, t: Topology = topology): QueueDefinition[] {
  return t.queues.filter((q) => q.placement === placement);
}

/**
 * Evaluates a subscription's filter the way SNS does for string prefix matching, so the bus's
 * in-memory adapter and tests route exactly like SNS. Returns whether a message of `type` is delivered.
 */
export function filterPolicyMatches(policy: TypeFilterPolicy, type: string): boolean {
  return policy[TYPE_ATTRIBUTE].some((rule) => type.startsWith(rule.prefix));
}

/** The consumers whose queues receive an event of this type from `topic`. */
export function consumersFor(
  type: string,
  topic: TopicKey = "events",
  t: Topology = topology,
): ConsumerName[] {
  return t.subscriptions
    .filter((s) => s.topic === topic && filterPolicyMatches(s.filterPolicy, type))
    .map((s) => s.consumer);
}
