import * as z from "zod";
import { catalogue, type EventType } from "../contracts/catalogue.ts";
import { exampleEvent } from "../contracts/examples.ts";

/**
 * Channels of the AsyncAPI document. One place to switch to the topology data (topics and
 * consumer queues in `src/topology`) once it settles.
 */
export const asyncApiChannels = {
  topic: {
    name: "vigil-events",
    description: "SNS topic every producer publishes to (message attributes `type`, `integrationId`).",
  },
  queues: [
    { name: "agent", description: "SQS queue of the in-account agent (scan requests, lifecycle commands)." },
    { name: "platform", description: "SQS queue of the control plane (reports, counts, status)." },
    { name: "updater", description: "SQS queue of the self-update Lambda." },
  ],
} as const;

function messageName(type: string): string {
  return type.replace(/^vigil\./, "").replace(/[^A-Za-z0-9]+/g, "_");
}

/** Build the AsyncAPI 3.0 document from the catalogue: one message (with its JSON Schema) per type. */
export function buildAsyncApiDocument(version = "1.0.0"): Record<string, unknown> {
  const messages: Record<string, unknown> = {};
  for (const definition of catalogue) {
    const schema = z.toJSONSchema(definition.schema, {
      target: "draft-07",
      unrepresentable: "any",
    }) as Record<string, unknown>;
    delete schema.$schema;
    messages[messageName(definition.type)] = {
      name: definition.type,
      title: definition.type,
      contentType: "application/cloudevents+json",
      payload: { schemaFormat: "application/schema+json;version=draft-07", schema },
      examples: [{ name: "example", payload: exampleEvent(definition.type as EventType) }],
    };
  }
  const messageRefs = Object.fromEntries(
    Object.keys(messages).map((m) => [m, { $ref: `#/components/messages/${m}` }]),
  );
  const channels: Record<string, unknown> = {
    [asyncApiChannels.topic.name]: {
      address: asyncApiChannels.topic.name,
      description: asyncApiChannels.topic.description,
      messages: messageRefs,
      bindings: {
        sns: { name: asyncApiChannels.topic.name, bindingVersion: "0.1.0", policy: { statements: [] } },
      },
    },
  };
  const operations: Record<string, unknown> = {
    publishEvent: {
      action: "send",
      channel: { $ref: `#/channels/${asyncApiChannels.topic.name}` },
      summary: "Producers publish events (PublishBatch, 10 per call).",
    },
  };
  for (const queue of asyncApiChannels.queues) {
    const id = `vigil-${queue.name}`;
    channels[id] = {
      address: id,
      description: `${queue.description} Subscribed to ${asyncApiChannels.topic.name} with a filter policy on \`type\`, raw delivery, a DLQ.`,
      messages: Object.fromEntries(
        Object.keys(messages).map((m) => [m, { $ref: `#/components/messages/${m}` }]),
      ),
      bindings: { sqs: { queue: { name: id, fifoQueue: false }, bindingVersion: "0.2.0" } },
    };
    operations[`consume_${queue.name}`] = {
      action: "receive",
      channel: { $ref: `#/channels/${id}` },
      summary: `The ${queue.name} consumer receives events (at least once; idempotent on event id).`,
    };
  }
  return {
    asyncapi: "3.0.0",
    info: {
      title: "Vigil events",
      version,
      description:
        "Every event Vigil emits: CloudEvents 1.0 (structured JSON), types vigil.<area>.<fact>.v<N>. Generated from the zod contracts in @vigil/events by `pnpm --filter @vigil/events generate`; do not edit by hand.",
    },
    defaultContentType: "application/cloudevents+json",
    channels,
    operations,
    components: { messages },
  };
}

/** The document as checked in: stable JSON with a trailing newline. */
export function renderAsyncApiDocument(): string {
  return `${JSON.stringify(buildAsyncApiDocument(), null, 2)}\n`;
}
