import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";
import { SQSClient } from "@aws-sdk/client-sqs";
import { GetParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { DynamoDbEventStore, sqsDeadLetterSink, sqsHandler } from "@vigil/events";
import type { SQSBatchResponse, SQSEvent } from "aws-lambda";
import { handle } from "hono/aws-lambda";
import * as z from "zod";
import { createApp } from "../app.ts";
import { oidcSettingsSchema, parseOidcSettings } from "../auth/oidc.ts";
import { DynamoDbAttemptLimiter } from "../auth/rate-limit.ts";
import { platformConfig } from "../config.ts";
import { busIngest, unwrapEventBridgeRecords } from "../ingest/bus-ingest.ts";
import type { AwsIdentityEndpoints } from "../organizations/aws-identity.ts";
import { dynamoDbStorage, type PlatformTables } from "../storage.ts";

/**
 * The same hono app behind a Lambda function URL (or API Gateway), on DynamoDB: every instance
 * shares the event log, the views, the replay guard and the failed-attempt counters. Its secrets —
 * the admin token, the session key, the users — are in one SSM SecureString parameter
 * (`VIGIL_SECRETS_PARAMETER`), read with decryption on the first invocation: never in the
 * function's environment (readable with lambda:GetFunctionConfiguration), argv or logs. A
 * configuration problem fails that invocation with a message naming every missing variable.
 */
export interface PlatformLambdaEnvironment {
  secretsParameter: string;
  tables: PlatformTables & { claimCheckBucket: string };
}

export function platformLambdaEnvironment(
  env: Record<string, string | undefined>,
): PlatformLambdaEnvironment | { errors: string[] } {
  const errors: string[] = [];
  const need = (name: string): string => {
    const value = env[name]?.trim() ?? "";
    if (value === "") errors.push(`${name} is not set`);
    return value;
  };
  const secretsParameter = need("VIGIL_SECRETS_PARAMETER");
  const tables = {
    events: need("VIGIL_EVENT_TABLE"),
    projections: need("VIGIL_PROJECTION_TABLE"),
    replay: need("VIGIL_REPLAY_TABLE"),
    claimCheckBucket: need("VIGIL_CLAIM_CHECK_BUCKET"),
  };
  return errors.length > 0 ? { errors } : { secretsParameter, tables };
}

/** What the SecureString holds (JSON). */
export const platformSecrets = z.object({
  adminToken: z.string().min(32),
  sessionSecret: z.string().min(32),
  users: z
    .array(
      z.object({
        name: z.string(),
        role: z.enum(["admin", "viewer"]),
        passwordHash: z.string().startsWith("scrypt$"),
      }),
    )
    .default([]),
  /** Sign-in through an OpenID Connect provider (its client secret is why it lives here). */
  oidc: oidcSettingsSchema.optional(),
});
export type PlatformSecrets = z.infer<typeof platformSecrets>;

export async function readPlatformSecrets(ssm: SSMClient, name: string): Promise<PlatformSecrets> {
  const out = await ssm.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
  return parsePlatformSecrets(out.Parameter?.Value ?? "{}", name);
}

/** The SecureString's JSON, checked; errors name the fields only, as the values are secret. */
export function parsePlatformSecrets(text: string, name: string): PlatformSecrets {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`platform misconfigured: ${name} is not JSON`);
  }
  const parsed = platformSecrets.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `platform misconfigured: ${name} must be JSON {adminToken, sessionSecret, users?, oidc?}; wrong: ${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}`,
    );
  }
  // The OIDC settings' own rules (https issuer, a role mapped), with their messages.
  if (parsed.data.oidc) parseOidcSettings(parsed.data.oidc, name);
  return parsed.data;
}

/**
 * Where enrollment sends member accounts' presigned requests: AWS's endpoints, unless the SDK's own
 * endpoint variables say otherwise (the emulated account sets `AWS_ENDPOINT_URL`).
 */
export function awsEndpointsFromEnv(env: Record<string, string | undefined>): AwsIdentityEndpoints {
  const sts = env.AWS_ENDPOINT_URL_STS || env.AWS_ENDPOINT_URL;
  const organizations = env.AWS_ENDPOINT_URL_ORGANIZATIONS || env.AWS_ENDPOINT_URL;
  return { ...(sts ? { sts } : {}), ...(organizations ? { organizations } : {}) };
}

let lambdaHandler: Promise<ReturnType<typeof handle>> | undefined;

async function build(): Promise<ReturnType<typeof handle>> {
  const env = platformLambdaEnvironment(process.env);
  if ("errors" in env) throw new Error(`platform misconfigured: ${env.errors.join("; ")}`);
  const secrets = await readPlatformSecrets(new SSMClient({}), env.secretsParameter);
  const client = new DynamoDBClient({});
  const storage = dynamoDbStorage({
    client,
    tables: env.tables,
    claimCheck: { s3: new S3Client({}), bucket: env.tables.claimCheckBucket },
  });
  return handle(
    createApp({
      eventStore: storage.eventStore,
      projections: storage.projections,
      replayGuard: storage.replayGuard,
      attemptLimiter: new DynamoDbAttemptLimiter({ client, tableName: env.tables.replay }),
      config: platformConfig({ ...secrets, awsEndpoints: awsEndpointsFromEnv(process.env) }),
    }),
  );
}

export const handler = async (
  event: Parameters<ReturnType<typeof handle>>[0],
  context: Parameters<ReturnType<typeof handle>>[1],
) => {
  lambdaHandler ??= build().catch((error: unknown) => {
    lambdaHandler = undefined; // the next invocation tries again
    throw error;
  });
  return (await lambdaHandler)(event, context);
};

/**
 * The ingest queue's consumer (EventBridge bus → rule → queue → this): each record is one event a
 * member account put on the bus, recorded by the same ingest as the signed HTTP path. Invalid
 * records go to the dead-letter queue with the reason; failures are retried by SQS
 * (`batchItemFailures`), and recording is idempotent on the event id.
 */
export interface PlatformIngestEnvironment {
  eventTable: string;
  claimCheckBucket: string;
  deadLetterUrl: string;
}

export function platformIngestEnvironment(
  env: Record<string, string | undefined>,
): PlatformIngestEnvironment | { errors: string[] } {
  const errors: string[] = [];
  const need = (name: string): string => {
    const value = env[name]?.trim() ?? "";
    if (value === "") errors.push(`${name} is not set`);
    return value;
  };
  const out = {
    eventTable: need("VIGIL_EVENT_TABLE"),
    claimCheckBucket: need("VIGIL_CLAIM_CHECK_BUCKET"),
    deadLetterUrl: need("VIGIL_INGEST_DLQ_URL"),
  };
  return errors.length > 0 ? { errors } : out;
}

let ingest: { store: DynamoDbEventStore; deadLetterUrl: string; sqs: SQSClient } | undefined;

export const ingestHandler = (event: SQSEvent): Promise<SQSBatchResponse> => {
  if (!ingest) {
    const env = platformIngestEnvironment(process.env);
    if ("errors" in env) throw new Error(`platform ingest misconfigured: ${env.errors.join("; ")}`);
    ingest = {
      store: new DynamoDbEventStore({
        client: new DynamoDBClient({}),
        tableName: env.eventTable,
        claimCheck: { s3: new S3Client({}), bucket: env.claimCheckBucket },
      }),
      deadLetterUrl: env.deadLetterUrl,
      sqs: new SQSClient({}),
    };
  }
  // Each record is EventBridge's envelope: its `account` (who sent it) is checked, its detail ingested.
  const unwrapped = unwrapEventBridgeRecords(event);
  return sqsHandler(busIngest(ingest.store, unwrapped.senderOf), {
    consumer: "platform-ingest",
    deadLetters: sqsDeadLetterSink({
      sqs: ingest.sqs,
      deadLetterUrl: ingest.deadLetterUrl,
      sourceQueue: "platform-ingest",
    }),
  })(unwrapped.event);
};
