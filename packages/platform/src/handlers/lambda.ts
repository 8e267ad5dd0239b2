import { InMemoryEventStore } from "@vigil/events";
import { handle } from "hono/aws-lambda";
import { createApp } from "../app.ts";
import { platformConfig } from "../config.ts";

/**
 * The same hono app behind API Gateway (HTTP API) or a Lambda function URL. Built on the first
 * invocation so a missing `VIGIL_ADMIN_TOKEN` fails that invocation with a clear message.
 *
 * The event store here is in memory until the DynamoDB adapter's wiring lands (see README).
 */
let lambdaHandler: ReturnType<typeof handle> | undefined;

export const handler: ReturnType<typeof handle> = (event, context) => {
  lambdaHandler ??= handle(
    createApp({
      eventStore: new InMemoryEventStore(),
      config: platformConfig({ adminToken: process.env.VIGIL_ADMIN_TOKEN ?? "" }),
    }),
  );
  return lambdaHandler(event, context);
};
