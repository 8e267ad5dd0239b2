import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { SNSClient } from "@aws-sdk/client-sns";
import { GetQueueAttributesCommand, SQSClient } from "@aws-sdk/client-sqs";
import { SSMClient } from "@aws-sdk/client-ssm";
import {
  DynamoDbEventStore,
  DynamoDbIdempotencyStore,
  type EventEnvelope,
  ExpectedVersionConflictError,
  parseEvent,
  queueNameFor,
  SnsSqsBus,
  sqsDeadLetterSink,
  type VigilEvent,
} from "@vigil/events";
import { type AwsClients, type CallWrapper, createAwsClients } from "../aws/clients.ts";
import { ApiBudget } from "../budget/budget.ts";
import { type Clock, systemClock } from "../budget/clock.ts";
import { sdkRetryConfig } from "../budget/sdk.ts";
import { CHECK_INDEX } from "../checks/check-index.ts";
import { EBS_SHARD_KIND, routeShards } from "../ebs/kind.ts";
import { awsEndpoint } from "../lifecycle/aws-request.ts";
import { sendHeartbeat } from "../lifecycle/check-in.ts";
import { readCredentials } from "../lifecycle/credentials.ts";
import { jsonLogger, type Logger } from "../lifecycle/log.ts";
import { HttpPlatformClient, type PlatformCommand } from "../lifecycle/platform-client.ts";
import { lazyEc2TeardownApi } from "../lifecycle/teardown-lazy.ts";
import { selectChecks } from "../policies/policies.ts";
import {
  latestSettings,
  type ResolvedSettings,
  resolveSettings,
  settingsStreamId,
} from "../policies/settings.ts";
import { eventBusSink } from "../scan/event-bus.ts";
import { SCAN_SHARD_KINDS } from "../scan/shard.ts";
import { scanShardWorker } from "../scan/shard-worker.ts";
import { bufferedSink, type EventSink, outboundSink, publishingStore, retryingSink } from "../scan/sink.ts";
import { PauseGate } from "../scheduler/pause.ts";
import { SqsJobQueue } from "../scheduler/queue/sqs.ts";
import { ScanScheduler, type ShardWorker } from "../scheduler/runner.ts";
import type { SpreadOptions } from "../scheduler/spread.ts";
import type { AgentConfig } from "./config.ts";
import type { AgentPorts } from "./route.ts";

/** The agent's own log of the platform's commands, numbered as the platform numbers them. */
export const commandsStreamId = (integrationId: string) => `commands#${integrationId}`;

/** What the platform may command an agent (scan now, update now). */
export const COMMAND_TYPES: ReadonlySet<string> = new Set([
  "vigil.scan.requested.v1",
  "vigil.update.requested.v1",
]);

/**
 * The account, asked of STS: only where `VIGIL_ACCOUNT_ID` is unset (the stack sets it), so the STS
 * client is loaded for this one call and stays out of the cold start.
 */
async function accountIdFromSts(
  region: string,
  config: Record<string, unknown>,
): Promise<string | undefined> {
  const { GetCallerIdentityCommand, STSClient } = await import("@aws-sdk/client-sts");
  const sts = new STSClient({ region, ...config });
  try {
    return (await sts.send(new GetCallerIdentityCommand({}))).Account;
  } finally {
    sts.destroy();
  }
}

/** How the SDK clients reach AWS: the default chain in Lambda; endpoints and a simulated account in tests. */
export interface AgentAwsOptions {
  /** Extra client config for the stack's own services (endpoint and credentials of the local stack). */
  readonly serviceConfig?: (
    service: "sqs" | "sns" | "dynamodb" | "ssm" | "sts" | "events",
  ) => Record<string, unknown>;
  /** The scanned account's clients (testkit's simulated account); default: the SDK's credential chain. */
  readonly accountClients?: (call: CallWrapper | undefined) => AwsClients;
  readonly clock?: Clock;
  readonly spread?: Partial<SpreadOptions>;
  readonly log?: Logger;
  readonly agentVersion?: string;
  /** Long-poll wait of a drain's receive (default 1 s: a drain stops at the first empty receive). */
  readonly receiveWaitSeconds?: number;
}

/**
 * An unchanged report is published again this long after it last was: the safety net for a
 * report the platform missed (delivery is already at least once), bounded so it costs little.
 */
export const REPORT_REFRESH_MS = 30 * 24 * 60 * 60 * 1000;

/** Events the platform did not take that an agent instance keeps to send again (oldest dropped first). */
export const MAX_UNDELIVERED = 5_000;

/** Builds the ports from the configuration: clients are created here, once per Lambda instance. */
export async function createAgentPorts(
  config: AgentConfig,
  options: AgentAwsOptions = {},
): Promise<AgentPorts> {
  const extra = options.serviceConfig ?? (() => ({}));
  const region = config.region;
  const sqs = new SQSClient({ region, ...extra("sqs") });
  const sns = new SNSClient({ region, ...extra("sns") });
  const dynamodb = new DynamoDBClient({ region, ...extra("dynamodb") });
  const ssm = new SSMClient({ region, ...extra("ssm") });
  const log = options.log ?? jsonLogger();
  const clock = options.clock ?? systemClock;
  const accountClients =
    options.accountClients ??
    ((call: CallWrapper | undefined) =>
      createAwsClients({ homeRegion: region, ...sdkRetryConfig(), ...(call ? { call } : {}) }));

  const accountId = config.accountId ?? (await accountIdFromSts(region, extra("sts")));
  if (!accountId) throw new Error("sts:GetCallerIdentity returned no account; set VIGIL_ACCOUNT_ID.");
  const source = `urn:vigil:agent:${accountId}`;
  const agentVersion = options.agentVersion ?? "0.0.0";

  const bus = new SnsSqsBus({
    sns,
    sqs,
    topicArn: config.eventsTopicArn,
    integrationId: config.integrationId,
  });
  const platform = config.platformUrl
    ? async () => {
        const credentials = await readCredentials(ssm, config.integrationId, config.parameterPrefix);
        return new HttpPlatformClient({ platformUrl: config.platformUrl as string, credentials });
      }
    : undefined;
  const report = platform
    ? async (events: readonly VigilEvent[]) => {
        await (await platform()).report(events);
      }
    : undefined;
  // Organization members: result events to the integration's bus, which a rule forwards to the
  // platform's bus; what the bus cannot take goes over signed HTTP.
  const eventsEndpoint = (extra("events") as { endpoint?: unknown }).endpoint;
  const eventBus = config.eventBusName
    ? eventBusSink({
        region,
        busName: config.eventBusName,
        endpoint:
          typeof eventsEndpoint === "string"
            ? eventsEndpoint
            : awsEndpoint(process.env, "EVENTBRIDGE", `https://events.${region}.amazonaws.com`),
        credentials: () => sns.config.credentials(), // the function's role, as every client here
        log,
        ...(report ? { fallback: report } : {}),
      })
    : undefined;
  // The platform's copy (the bus, or signed HTTP); the log already holds the facts.
  const deliver = eventBus ?? report;
  const toPlatform = deliver ? retryingSink(deliver, log, MAX_UNDELIVERED) : undefined;
  // Shard checkpoints stay in the log (the scan's totals and coverage reach the platform in
  // `scan.completed`, the shards' progress in their digests); results go to the platform, and on
  // the topic only what a subscriber in the account takes.
  const sink = outboundSink({
    publish: (events) => bus.publish(events),
    ...(toPlatform ? { toPlatform } : {}),
  });
  // What the agent records goes out in full batches when an invocation's work is done (before its
  // jobs are acknowledged), not a call or two per append.
  const outbox = bufferedSink(sink);
  const store = publishingStore(
    new DynamoDbEventStore({ client: dynamodb, tableName: config.eventTable }),
    source,
    outbox.publish,
  );
  // The stack's policies under the platform's latest settings command, read for every scan job.
  const settings = async (): Promise<ResolvedSettings> =>
    resolveSettings(
      { policies: config.policies, disabledChecks: config.disabledChecks },
      await latestSettings(store, config.integrationId),
    );
  const queue = new SqsJobQueue({
    client: sqs,
    queueUrl: config.jobQueueUrl,
    waitTimeSeconds: options.receiveWaitSeconds ?? 1,
  });
  const gate = new PauseGate({ store, integrationId: config.integrationId, clock, source });
  const scheduler = new ScanScheduler({
    store,
    queue,
    clock,
    budget: new ApiBudget({ clock }),
    gate,
    worker: routeShards({
      scan: scanShardWorker({
        clients: (call) => accountClients(call),
        now: () => clock.now(),
        settings,
        onProblems: (p) => log("warn", "shard had failed calls", { ...p }),
      }),
      ...(config.ebsScanning
        ? {
            // The orchestration is loaded with the first ebs shard, not at every cold start.
            ebs: lazyWorker(async () => {
              const [{ ebsShardWorker }, { ec2EbsApi }] = await Promise.all([
                import("../ebs/worker.ts"),
                import("../ebs/api.ts"),
              ]);
              return ebsShardWorker({
                store,
                api: (call) => {
                  const clients = accountClients(call);
                  return { ...ec2EbsApi((r) => clients.forRegion(r)), destroy: () => clients.destroy() };
                },
                integrationId: config.integrationId,
                source,
                homeRegion: region,
                scannerGroupFor: (r) => (r === region ? config.ebsScanning?.scannerGroup : undefined),
                settings,
              });
            }),
          }
        : {}),
    }),
    integrationId: config.integrationId,
    accountId,
    source,
    agentVersion,
    checkCount: async () => {
      const { selection } = await settings();
      const selected = selectChecks(selection, CHECK_INDEX);
      if (!selected.ok) throw selected.error;
      const checks = selected.checks;
      // The OS checks run only when the scan has an EBS part.
      return config.ebsScanning
        ? checks.length
        : checks.filter((c) => c.resourceType !== "aws.ec2.instance-os").length;
    },
    kinds: config.ebsScanning ? [...SCAN_SHARD_KINDS, EBS_SHARD_KIND] : SCAN_SHARD_KINDS,
    // Reports go out only when they changed (or a day after they last did); digests say what was seen.
    changeOnly: { refreshMs: REPORT_REFRESH_MS },
    ...(options.spread ? { spread: options.spread } : {}),
    republish: async (events) => {
      await outbox.publish(events as Parameters<EventSink>[0]);
    },
    beforeAck: () => outbox.flush(),
  });
  /**
   * The platform's commands, taken in order: appended to this integration's own log at the
   * platform's numbering (a concurrent check-in that took them first wins the append, and this one
   * leaves them), then put on the events topic, whose subscriptions deliver them as any command
   * (`scan.requested` to the agent, `update.requested` to the updater; consumers are idempotent).
   */
  async function takeCommands(commands: readonly PlatformCommand[], cursor: number): Promise<number> {
    const events: VigilEvent[] = [];
    for (const [i, command] of commands.entries()) {
      if (command.sequence !== cursor + i + 1) break; // only the next ones, in order
      const parsed = parseEvent(command.event);
      if (
        !parsed.ok ||
        !COMMAND_TYPES.has(parsed.event.type) ||
        parsed.event.integrationid !== config.integrationId
      ) {
        log("warn", "refused a platform command", {
          sequence: command.sequence,
          error: parsed.ok ? `${parsed.event.type} for ${parsed.event.integrationid}` : parsed.error.message,
        });
        break;
      }
      events.push(parsed.event);
    }
    if (events.length === 0) return 0;
    try {
      await store.appendToStream(commandsStreamId(config.integrationId), events, {
        expectedVersion: cursor === 0 ? "no_stream" : cursor,
      });
    } catch (error) {
      if (error instanceof ExpectedVersionConflictError) return 0;
      throw error;
    }
    await bus.publish(events);
    log("info", "took platform commands", {
      types: events.map((e) => e.type),
      through: cursor + events.length,
    });
    return events.length;
  }
  const plain = accountClients(undefined);
  let enabled: Promise<string[]> | undefined;
  const enabledRegions = () => {
    enabled ??= import("../aws/regions.ts").then((m) => m.enabledRegionNames(plain.forRegion(region)));
    return enabled;
  };

  return {
    integrationId: config.integrationId,
    accountId,
    homeRegion: region,
    configuredRegions: config.scanRegions,
    source,
    scheduler,
    async record(events: readonly EventEnvelope[]) {
      await store.appendToStream(`integration#${config.integrationId}`, events, { expectedVersion: "any" });
    },
    async recordScannerResult(event: EventEnvelope) {
      const { recordScannerResult } = await import("../ebs/record.ts");
      const outcome = await recordScannerResult(store, event, {
        integrationId: config.integrationId,
        accountId,
      });
      // The scanner published it to the topic; the platform reached over HTTP gets it from the agent.
      if (outcome.kind === "recorded") await toPlatform?.([event as VigilEvent]);
      return outcome;
    },
    async forwardToPlatform(event: EventEnvelope) {
      if (!deliver) return "topic";
      await deliver([event as VigilEvent]);
      return "forwarded";
    },
    async recordSettings(command: EventEnvelope) {
      // Appended as received (an idempotent retry of the same id is recognised by the store).
      await store.appendToStream(settingsStreamId(config.integrationId), [command], {
        expectedVersion: "any",
      });
    },
    settings,
    async pendingJobs() {
      const out = await sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: config.jobQueueUrl,
          AttributeNames: [
            "ApproximateNumberOfMessages",
            "ApproximateNumberOfMessagesDelayed",
            "ApproximateNumberOfMessagesNotVisible",
          ],
        }),
      );
      const n = (name: string) => Number(out.Attributes?.[name as keyof typeof out.Attributes] ?? 0);
      return {
        visible: n("ApproximateNumberOfMessages"),
        delayed: n("ApproximateNumberOfMessagesDelayed"),
        inFlight: n("ApproximateNumberOfMessagesNotVisible"),
      };
    },
    enabledRegions,
    idempotency: new DynamoDbIdempotencyStore({ client: dynamodb, tableName: config.idempotencyTable }),
    deadLetters: sqsDeadLetterSink({
      sqs,
      deadLetterUrl: config.deadLetterQueueUrl,
      sourceQueue: queueNameFor("agent", config.integrationId),
    }),
    teardown: lazyEc2TeardownApi((r) => plain.forRegion(r)),
    checkIn: platform
      ? async () => {
          const commandsStream = commandsStreamId(config.integrationId);
          const taken = async () => (await store.readStream(commandsStream)).streamVersion;
          const cursor = await taken();
          const { commands } = await sendHeartbeat({
            ssm,
            integrationId: config.integrationId,
            parameterPrefix: config.parameterPrefix,
            accountId,
            agentVersion,
            platform: (platformUrl, credentials) => new HttpPlatformClient({ platformUrl, credentials }),
            enabledRegions: async () =>
              config.scanRegions ? [...config.scanRegions] : await enabledRegions(),
            commandsAfter: async () => cursor,
            log,
          });
          return takeCommands(commands, cursor);
        }
      : undefined,
    log,
    now: () => clock.now(),
    flush: () => outbox.flush(),
  };
}

/** A shard worker built on first use (its code loaded then). */
function lazyWorker(load: () => Promise<ShardWorker>): ShardWorker {
  let worker: Promise<ShardWorker> | undefined;
  return {
    async run(job, context) {
      worker ??= load().catch((error: unknown) => {
        worker = undefined;
        throw error;
      });
      return (await worker).run(job, context);
    },
  };
}
