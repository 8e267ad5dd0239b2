import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  type SQSClient,
} from "@aws-sdk/client-sqs";
import {
  createEvent,
  createIdempotencyTable,
  DLQ_REASON_ATTRIBUTE,
  DynamoDbEventStore,
  eventAttributes,
  idempotencyTableNameFor,
  jobQueueNameFor,
  type VigilEvent,
} from "@vigil/events";
import {
  createSimulatedAccount,
  generateAccount,
  type LocalAws,
  type ProvisionedStack,
  provisionLocalStack,
  type SimulatedAccount,
  startLocalAws,
} from "@vigil/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AgentHandler,
  type CallWrapper,
  createAgentHandler,
  createAwsClients,
  deadLetterQueueUrlBeside,
  eventArnOf,
  planShards,
  readScanEvents,
  runScan,
  SCAN_SHARD_KINDS,
} from "../../src/index.ts";

/**
 * The agent Lambda end to end on the local stack: SNS-shaped invocations, the job queue on SQS
 * (fauxqs), the event log and the idempotency table on DynamoDB Local, events published to the
 * real SNS topic, and testkit's simulated account behind the real SDK clients.
 */

const INTEGRATION = "int-runtime";
const SCAN = "scan-runtime-1";
const PLATFORM_SOURCE = "urn:vigil:platform:test";

let aws: LocalAws;
let stack: ProvisionedStack;
let account: SimulatedAccount;
let jobQueueUrl: string;
let handler: AgentHandler;
const logs: string[] = [];

const accountClients = (call: CallWrapper | undefined) =>
  createAwsClients({
    homeRegion: account.regions[0] as string,
    requestHandler: account.requestHandler,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 3,
    ...(call ? { call } : {}),
  });

beforeAll(async () => {
  aws = await startLocalAws();
  stack = await provisionLocalStack(
    { region: aws.region, clients: aws.clients },
    { integrationId: INTEGRATION, placements: ["integration", "platform"] },
  );
  // The agent's job queue (filled and drained by the agent itself) and its idempotency table.
  const created = await aws.clients.sqs.send(
    new CreateQueueCommand({
      QueueName: jobQueueNameFor("agent", INTEGRATION),
      Attributes: { VisibilityTimeout: "300" },
    }),
  );
  jobQueueUrl = created.QueueUrl as string;
  await createIdempotencyTable(aws.clients.dynamodb, idempotencyTableNameFor(INTEGRATION));
  account = createSimulatedAccount(
    generateAccount({ seed: "agent-runtime", regionCount: 2, assetsPerRegion: 6 }),
  );
  handler = createAgentHandler({
    env: {
      AWS_REGION: account.regions[0],
      VIGIL_INTEGRATION_ID: INTEGRATION,
      VIGIL_ACCOUNT_ID: account.accountId,
      VIGIL_PARAMETER_PREFIX: `/vigil/${INTEGRATION}`,
      VIGIL_EVENTS_TOPIC_ARN: stack.topics.events?.arn,
      VIGIL_ALERTS_TOPIC_ARN: stack.topics.alerts?.arn,
      VIGIL_JOB_QUEUE_URL: jobQueueUrl,
      VIGIL_EVENT_TABLE: stack.eventTableName,
      VIGIL_IDEMPOTENCY_TABLE: idempotencyTableNameFor(INTEGRATION),
    },
    serviceConfig: (service) =>
      service === "sts" || service === "events" ? {} : { ...aws.clientConfig(service) },
    accountClients,
    // Jobs spread over 3 s: some are still delayed when the first invocation stops draining.
    spread: { spreadMs: 3_000, jitterMs: 200 },
    log: (level, message, fields) => logs.push(JSON.stringify({ level, message, ...fields })),
    version: "1.0.0",
  });
}, 120_000);

afterAll(async () => {
  await aws?.stop();
});

function snsRecord(messageId: string, message: string, attributes: Record<string, string>) {
  return {
    EventVersion: "1.0",
    EventSubscriptionArn: `${stack.topics.events?.arn}:agent`,
    EventSource: "aws:sns",
    Sns: {
      SignatureVersion: "1",
      Timestamp: new Date().toISOString(),
      Signature: "local",
      SigningCertUrl: "https://example.invalid/cert.pem",
      MessageId: messageId,
      Message: message,
      MessageAttributes: Object.fromEntries(
        Object.entries(attributes).map(([k, v]) => [k, { Type: "String", Value: v }]),
      ),
      Type: "Notification",
      UnsubscribeUrl: "https://example.invalid/unsubscribe",
      TopicArn: stack.topics.events?.arn as string,
    },
  };
}

async function drainQueue(
  sqs: SQSClient,
  url: string,
): Promise<{ body: string; attributes: Record<string, string> }[]> {
  const out: { body: string; attributes: Record<string, string> }[] = [];
  for (let empty = 0; empty < 2; ) {
    const got = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: url,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 1,
        VisibilityTimeout: 600,
        MessageAttributeNames: ["All"],
      }),
    );
    const messages = got.Messages ?? [];
    empty = messages.length === 0 ? empty + 1 : 0;
    for (const m of messages) {
      const attributes: Record<string, string> = {};
      for (const [k, v] of Object.entries(m.MessageAttributes ?? {}))
        if (v.StringValue !== undefined) attributes[k] = v.StringValue;
      out.push({ body: m.Body ?? "", attributes });
    }
  }
  return out;
}

async function pendingJobs(): Promise<number> {
  const out = await aws.clients.sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: jobQueueUrl,
      AttributeNames: [
        "ApproximateNumberOfMessages",
        "ApproximateNumberOfMessagesDelayed",
        "ApproximateNumberOfMessagesNotVisible",
      ],
    }),
  );
  return Object.values(out.Attributes ?? {}).reduce((n, v) => n + Number(v), 0);
}

describe("the agent Lambda on the local stack", () => {
  it("runs a requested scan through the job queue, finishes it on a heartbeat, and assesses every asset exactly once", async () => {
    // What the single-process scan flow assesses in the same account: the reference.
    const reference = await runScan({ clients: accountClients(undefined), integrationId: INTEGRATION });
    const expected = new Set(reference.assets.map((a) => eventArnOf(a)));
    expect(expected.size).toBe(reference.assets.length);
    expect(expected.size).toBeGreaterThan(20);

    const requested = createEvent(
      "vigil.scan.requested.v1",
      { scanId: SCAN, trigger: "on-demand", requestedBy: "admin" },
      { source: PLATFORM_SOURCE, integrationId: INTEGRATION, id: "req-runtime-1" },
    );
    const sns = { Records: [snsRecord("sns-1", JSON.stringify(requested), eventAttributes(requested))] };
    // The first invocation may run one round of jobs, then its time is (said to be) nearly up.
    let asked = 0;
    const short = { getRemainingTimeInMillis: () => (++asked <= 2 ? 600_000 : 30_000) };
    const first = await handler(sns, short);
    expect(first).toMatchObject({ handled: [{ messageId: "sns-1", outcome: "handled" }] });
    const firstDrain = (first as { drained: { jobs: number; scansCompleted: number } }).drained;
    expect(firstDrain.jobs).toBeGreaterThan(0);
    expect(firstDrain.scansCompleted).toBe(0);
    expect(await pendingJobs()).toBeGreaterThan(0);

    const store = new DynamoDbEventStore({
      client: aws.clients.dynamodb,
      tableName: stack.eventTableName as string,
    });
    const typesNow = (await store.readStream(`scan#${SCAN}`)).events.map((e) => e.event.type);
    expect(typesNow).not.toContain("vigil.scan.completed.v1");

    // A duplicated delivery of the same request is acknowledged without being applied again.
    const versionBefore = (await store.readStream(`scan#${SCAN}`)).streamVersion;
    const dup = await handler(
      { Records: [snsRecord("sns-1-again", JSON.stringify(requested), eventAttributes(requested))] },
      { getRemainingTimeInMillis: () => 30_000 },
    );
    expect(dup).toMatchObject({ handled: [{ messageId: "sns-1-again", outcome: "duplicate" }] });
    expect((await store.readStream(`scan#${SCAN}`)).streamVersion).toBe(versionBefore);

    // The heartbeat, once the delayed jobs are due, finds them and finishes the scan.
    await new Promise((r) => setTimeout(r, 3_500));
    const beat = await handler({ kind: "vigil.heartbeat" }, { getRemainingTimeInMillis: () => 600_000 });
    expect(beat).toMatchObject({ heartbeat: "not-configured" });
    expect((beat as { pendingJobs: number }).pendingJobs).toBeGreaterThan(0);
    expect(
      (beat as { drained: { scansCompleted: number } }).drained.scansCompleted,
      JSON.stringify({
        beat,
        types: (await store.readStream(`scan#${SCAN}`)).events
          .map((e) => `${e.event.type.slice(11)}:${(e.event.data as { shardId?: string }).shardId ?? ""}`)
          .filter((t) => !t.startsWith("asset")),
      }),
    ).toBe(1);
    expect(await pendingJobs()).toBe(0);

    const events = (await readScanEvents(store, SCAN)) as VigilEvent[];
    const assessed = events.filter((e) => e.type === "vigil.scan.asset-assessed.v1");
    const arns = assessed.map((e) => (e.type === "vigil.scan.asset-assessed.v1" ? e.data.asset.arn : ""));
    expect(arns.length).toBe(expected.size);
    expect(new Set(arns)).toEqual(expected);
    expect(assessed.some((e) => e.type === "vigil.scan.asset-assessed.v1" && e.data.results.length > 0)).toBe(
      true,
    );
    const types = events.map((e) => e.type);
    expect(types[0]).toBe("vigil.scan.requested.v1");
    expect(types[1]).toBe("vigil.scan.started.v1");
    expect(types.filter((t) => t === "vigil.scan.shard-completed.v1")).toHaveLength(
      planShards([...account.regions], SCAN_SHARD_KINDS).length,
    );
    expect(types.slice(-2)).toEqual(["vigil.counts.resource-counts-reported.v1", "vigil.scan.completed.v1"]);
    const completed = events.at(-1);
    expect(completed?.type === "vigil.scan.completed.v1" && completed.data.assetCount).toBe(expected.size);
    const counts = events.at(-2);
    expect(counts?.type === "vigil.counts.resource-counts-reported.v1" && counts.data.total).toBe(
      expected.size,
    );

    // Published to the real topic: the platform's queue (filter vigil.scan.*, vigil.counts.*) got
    // every event the agent produced — at least once (two shards finishing together may both
    // publish the completion; consumers deduplicate by id) — and not the platform's own request back.
    const all = (await drainQueue(aws.clients.sqs, stack.queues.platform?.url as string)).map(
      (m) => JSON.parse(m.body) as VigilEvent,
    );
    // Every shard's digest lists every asset it saw (the first scan reports them all as well).
    const digests = all.filter((e) => e.type === "vigil.scan.shard-digest.v1");
    const listed = new Set(
      digests.flatMap((e) =>
        e.type === "vigil.scan.shard-digest.v1" ? e.data.assets.map((a) => a.arn) : [],
      ),
    );
    expect(listed).toEqual(expected);
    const published = all.filter((e) => e.type !== "vigil.scan.shard-digest.v1");
    // Shard checkpoints stay in the agent's log; everything else it produced reached the topic.
    expect(all.filter((e) => e.type === "vigil.scan.shard-completed.v1")).toEqual([]);
    const ours = events
      .filter((e) => e.source !== PLATFORM_SOURCE && e.type !== "vigil.scan.shard-completed.v1")
      .map((e) => e.id);
    expect([...new Set(published.map((e) => e.id))].sort()).toEqual([...ours].sort());
    expect(published.length - ours.length).toBeLessThanOrEqual(2);
    expect(published.filter((e) => e.type === "vigil.scan.asset-assessed.v1")).toHaveLength(expected.size);

    // Nothing in the log's text carries credentials.
    for (const line of logs) expect(line).not.toMatch(/secretAccessKey|PRIVATE KEY/);
  }, 180_000);

  it("dead-letters an invalid SNS message with its reason", async () => {
    const dlqUrl = stack.queues.agent?.deadLetter.url as string;
    expect(deadLetterQueueUrlBeside(jobQueueUrl, INTEGRATION)).toBe(dlqUrl);
    const good = createEvent(
      "vigil.scan.requested.v1",
      { scanId: "scan-invalid", trigger: "on-demand" },
      { source: PLATFORM_SOURCE, integrationId: INTEGRATION, id: "req-invalid" },
    );
    const broken = JSON.stringify({ ...good, data: { ...good.data, trigger: "whenever" } });
    const out = await handler(
      { Records: [snsRecord("sns-bad", broken, eventAttributes(good))] },
      { getRemainingTimeInMillis: () => 600_000 },
    );
    expect(out).toMatchObject({ handled: [{ messageId: "sns-bad", outcome: "dead-lettered" }] });
    const letters = await drainQueue(aws.clients.sqs, dlqUrl);
    expect(letters).toHaveLength(1);
    expect(letters[0]?.body).toBe(broken);
    expect(letters[0]?.attributes[DLQ_REASON_ATTRIBUTE]).toMatch(/^invalid-data: .*trigger/);
    expect(letters[0]?.attributes.type).toBe("vigil.scan.requested.v1");
  }, 60_000);
});
