import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";
import { handle } from "hono/aws-lambda";
import { createApp } from "../app.ts";
import { platformConfig } from "../config.ts";
import { dynamoDbStorage, type PlatformTables } from "../storage.ts";

/**
 * The same hono app behind API Gateway (HTTP API) or a Lambda function URL, on DynamoDB: every
 * instance shares the event log, the views and the replay guard. Built on the first invocation so
 * a configuration problem fails that invocation with a message naming every missing variable.
 */
export interface PlatformLambdaEnvironment {
  adminToken: string;
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
  const adminToken = need("VIGIL_ADMIN_TOKEN");
  const tables = {
    events: need("VIGIL_EVENT_TABLE"),
    projections: need("VIGIL_PROJECTION_TABLE"),
    replay: need("VIGIL_REPLAY_TABLE"),
    claimCheckBucket: need("VIGIL_CLAIM_CHECK_BUCKET"),
  };
  return errors.length > 0 ? { errors } : { adminToken, tables };
}

let lambdaHandler: ReturnType<typeof handle> | undefined;

export const handler: ReturnType<typeof handle> = (event, context) => {
  if (!lambdaHandler) {
    const env = platformLambdaEnvironment(process.env);
    if ("errors" in env) throw new Error(`platform misconfigured: ${env.errors.join("; ")}`);
    const storage = dynamoDbStorage({
      client: new DynamoDBClient({}),
      tables: env.tables,
      claimCheck: { s3: new S3Client({}), bucket: env.tables.claimCheckBucket },
    });
    lambdaHandler = handle(
      createApp({
        eventStore: storage.eventStore,
        projections: storage.projections,
        replayGuard: storage.replayGuard,
        config: platformConfig({ adminToken: env.adminToken }),
      }),
    );
  }
  return lambdaHandler(event, context);
};
