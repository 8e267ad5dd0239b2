import { DynamoDBClient, type DynamoDBClientConfig } from "@aws-sdk/client-dynamodb";
import {
  createEventTable,
  createProjectionTable,
  DynamoDbEventStore,
  DynamoDbProjectionStore,
  type EventStore,
  InMemoryEventStore,
  InMemoryProjectionStore,
  type ProjectionStore,
} from "@vigil/events";
import { memoryReplayGuard, type ReplayGuard } from "./auth/replay-guard.ts";
import { createReplayTable, DynamoDbReplayGuard } from "./auth/replay-guard-dynamodb.ts";

/** Where the platform keeps its state: the event log, its views and the replay guard. */
export interface PlatformStorage {
  eventStore: EventStore;
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
}

export const defaultPlatformTables: PlatformTables = {
  events: "vigil-platform-events",
  projections: "vigil-platform-projections",
  replay: "vigil-platform-replay",
};

/** One process, nothing persisted: tests and a quick look. */
export function memoryStorage(eventStore: EventStore = new InMemoryEventStore()): PlatformStorage {
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
    }),
    projections: new DynamoDbProjectionStore({ client, tableName: tables.projections }),
    replayGuard: new DynamoDbReplayGuard({ client, tableName: tables.replay }),
    description: `event log in DynamoDB table ${tables.events}`,
    close: () => client.destroy(),
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
  // One local process: a short settle keeps views prompt while still covering in-flight appends.
  return {
    ...dynamoDbStorage({ client, tables: names, settleMs: 250 }),
    description: `event log in DynamoDB Local (${endpoint}, table ${names.events})`,
  };
}
