import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";
import { toolClientConfig } from "../connection/local-endpoint.ts";
import { parseEvent } from "../contracts/parse.ts";
import { DynamoDbEventStore } from "../store/dynamodb.ts";
import type { EventStore, RecordedEvent } from "../store/port.ts";
import { DynamoDbProjectionStore } from "./dynamodb.ts";

/** One line of a timeline: what happened, when, where in the log, and whether it is valid. */
export interface TimelineEntry {
  streamId: string;
  version: number;
  recordedAt: string;
  time: string;
  type: string;
  id: string;
  subject: string | undefined;
  /** Set when the stored event no longer passes its contract. */
  problem: string | undefined;
}

function entry(r: RecordedEvent): TimelineEntry {
  const parsed = parseEvent(r.event);
  return {
    streamId: r.streamId,
    version: r.version,
    recordedAt: r.recordedAt,
    time: r.event.time,
    type: parsed.ok ? parsed.event.type : r.event.type,
    id: r.event.id,
    subject: r.event.subject,
    problem: parsed.ok ? undefined : parsed.error.message,
  };
}

/**
 * A stream's timeline, or an integration's (every stream's events carrying that integration
 * id, in log order). `at` cuts it at a version (stream) or an ISO time.
 */
export async function timeline(
  store: EventStore,
  target: { streamId: string } | { integrationId: string },
  at?: number | string,
): Promise<TimelineEntry[]> {
  if ("streamId" in target) {
    const to = typeof at === "number" ? at : undefined;
    const { events } = await store.readStream(target.streamId, to === undefined ? {} : { to });
    return events.filter((e) => typeof at !== "string" || e.recordedAt <= at).map(entry);
  }
  const out: TimelineEntry[] = [];
  let since: string | undefined;
  for (;;) {
    const page = await store.readAll({ since, limit: 1000 });
    for (const r of page.events) {
      if (typeof at === "string" && r.recordedAt > at) return out;
      if (r.event.integrationid === target.integrationId) out.push(entry(r));
    }
    since = page.position;
    if (!page.more) return out;
  }
}

/** Parse `--at`: a positive integer is a version, anything else must be an ISO time. */
export function parsePointInTime(value: string): number | string {
  if (/^\d+$/.test(value)) return Number(value);
  const t = Date.parse(value);
  if (Number.isNaN(t))
    throw new Error(
      `--at expects a stream version (e.g. 12) or an ISO time (e.g. 2025-01-15T06:00:00Z), got "${value}"`,
    );
  return new Date(t).toISOString();
}

export interface DynamoDbConnection {
  table: string;
  projectionTable?: string;
  region?: string;
  endpoint?: string;
  profile?: string;
  claimCheckBucket?: string;
}

/**
 * Stores over an existing table, for tools (the CLI): the SDK's default credential chain, or
 * a named profile. Nothing here writes unless the caller appends.
 */
export function connectDynamoDb(connection: DynamoDbConnection) {
  const config = toolClientConfig(connection);
  const client = new DynamoDBClient(config);
  const claimCheck = connection.claimCheckBucket
    ? {
        s3: new S3Client({ ...config, forcePathStyle: Boolean(connection.endpoint) }),
        bucket: connection.claimCheckBucket,
      }
    : undefined;
  return {
    client,
    events: new DynamoDbEventStore({ client, tableName: connection.table, claimCheck }),
    projections: connection.projectionTable
      ? new DynamoDbProjectionStore({ client, tableName: connection.projectionTable })
      : undefined,
    close: () => client.destroy(),
  };
}
