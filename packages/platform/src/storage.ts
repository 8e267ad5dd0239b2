import { DynamoDBClient, type DynamoDBClientConfig } from "@aws-sdk/client-dynamodb";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import {
  type AtomicEventStore,
  createEventTable,
  createProjectionTable,
  DynamoDbEventStore,
  DynamoDbProjectionStore,
  InMemoryEventStore,
  InMemoryProjectionStore,
  type ProjectionStore,
} from "@vigil/events";
import { memoryReplayGuard, type ReplayGuard } from "./auth/replay-guard.ts";
import { createReplayTable, DynamoDbReplayGuard } from "./auth/replay-guard-dynamodb.ts";

/** Where the platform keeps its state: the event log, its views and the replay guard. */
export interface PlatformStorage {
  eventStore: AtomicEventStore;
  projections: ProjectionStore;
  replayGuard: ReplayGuard;
  /** Human-readable, for the startup line. */
  description: string;
  close(): void;
}

export interface PlatformTables {
  events: string;
  projections: string;
  replay: string;
  /** Claim-check bucket for large events (S3). */
  claimCheckBucket?: string;
}

export const defaultPlatformTables: PlatformTables = {
  events: "vigil-platform-events",
  projections: "vigil-platform-projections",
  replay: "vigil-platform-replay",
};

/** One process, nothing persisted: tests and a quick look. */
export function memoryStorage(
  // Large events by claim check, as deployed (there the stack's bucket; here a map).
  eventStore: AtomicEventStore = new InMemoryEventStore({ claimCheck: {} }),
): PlatformStorage {
  return {
    eventStore,
    projections: new InMemoryProjectionStore(),
    replayGuard: memoryReplayGuard(),
    description: "event log in memory",
    close: () => {},
  };
}

export interface DynamoDbStorageOptions {
  client: DynamoDBClient;
  tables?: Partial<PlatformTables>;
  /** See `DynamoDbEventStoreOptions.settleMs`: how long views wait for in-flight appends. */
  settleMs?: number;
  /** The claim-check bucket: events above 350 KB have their data there (the stack's bucket). */
  claimCheck?: { s3: S3Client; bucket: string };
}

/** Every Lambda instance (or process) on the same tables sees the same log, views and replays. */
export function dynamoDbStorage(options: DynamoDbStorageOptions): PlatformStorage {
  const tables = { ...defaultPlatformTables, ...options.tables };
  const { client } = options;
  return {
    eventStore: new DynamoDbEventStore({
      client,
      tableName: tables.events,
      ...(options.settleMs === undefined ? {} : { settleMs: options.settleMs }),
      ...(options.claimCheck ? { claimCheck: options.claimCheck } : {}),
    }),
    projections: new DynamoDbProjectionStore({ client, tableName: tables.projections }),
    replayGuard: new DynamoDbReplayGuard({ client, tableName: tables.replay }),
    description: `event log in DynamoDB table ${tables.events}`,
    close: () => {
      client.destroy();
      options.claimCheck?.s3.destroy();
    },
  };
}

/** Create the platform's tables where they are missing (the local stack; in AWS, infra does). */
export async function provisionPlatformTables(
  client: DynamoDBClient,
  tables: Partial<PlatformTables> = {},
): Promise<PlatformTables> {
  const names = { ...defaultPlatformTables, ...tables };
  await Promise.all([
    ignoreExisting(() => createEventTable(client, names.events)),
    ignoreExisting(() => createProjectionTable(client, names.projections)),
    createReplayTable(client, names.replay),
  ]);
  return names;
}

async function ignoreExisting(create: () => Promise<void>): Promise<void> {
  try {
    await create();
  } catch (error) {
    if ((error as { name?: string }).name !== "ResourceInUseException") throw error;
  }
}

/** The local AWS stack as `startLocalAws()` (testkit) describes it; only DynamoDB is used. */
export interface LocalAwsDescription {
  region: string;
  /** Path-style S3 (fauxqs) for the claim-check bucket, when the stack has it. */
  endpoints: { dynamodb?: string | undefined } & Record<string, string | undefined>;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** Storage on the local stack's DynamoDB Local, tables created if needed. */
export async function localAwsStorage(
  localAws: LocalAwsDescription,
  tables: Partial<PlatformTables> = {},
): Promise<PlatformStorage> {
  const endpoint = localAws.endpoints.dynamodb;
  if (!endpoint) {
    throw new Error(
      "The local AWS stack has no DynamoDB endpoint (started with { dynamodb: false }?); start it with DynamoDB Local or run the platform without localAws (in-memory log).",
    );
  }
  const config: DynamoDBClientConfig = {
    region: localAws.region,
    endpoint,
    credentials: localAws.credentials ?? { accessKeyId: "test", secretAccessKey: "test" },
  };
  const client = new DynamoDBClient(config);
  const names = await provisionPlatformTables(client, tables);
  const s3Endpoint = localAws.endpoints.s3;
  let claimCheck: { s3: S3Client; bucket: string } | undefined;
  if (s3Endpoint) {
    const s3 = new S3Client({
      region: localAws.region,
      endpoint: s3Endpoint,
      credentials: config.credentials as { accessKeyId: string; secretAccessKey: string },
      forcePathStyle: true,
    });
    const bucket = names.claimCheckBucket ?? "vigil-platform-claim-check";
    await s3.send(new CreateBucketCommand({ Bucket: bucket })).catch((error: { name?: string }) => {
      if (error.name !== "BucketAlreadyOwnedByYou" && error.name !== "BucketAlreadyExists") throw error;
    });
    claimCheck = { s3, bucket };
  }
  // One local process: a short settle keeps views prompt while still covering in-flight appends.
  return {
    ...dynamoDbStorage({ client, tables: names, settleMs: 250, ...(claimCheck ? { claimCheck } : {}) }),
    description: `event log in DynamoDB Local (${endpoint}, table ${names.events})`,
  };
}
