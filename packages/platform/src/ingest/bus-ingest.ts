import { type AtomicEventStore, type EventHandler, EventRejectedError } from "@vigil/events";
import type { SQSEvent } from "aws-lambda";
import { readIntegration } from "../event-log.ts";
import { PlatformError } from "../http/errors.ts";
import { ingestAgentEvents } from "./ingest.ts";

/**
 * The platform's consumer of the event bus: what a member account's rule sends to the platform's
 * bus arrives on the platform's queue as EventBridge's envelope — `account` (set by EventBridge:
 * the account that put the event, which no sender can choose) and `detail` (the CloudEvent) — and
 * is recorded by the same ingest as the signed HTTP path (known integration, an event type agents
 * emit, one id one content), once the envelope's account is the integration's own: an account of
 * the organization cannot report for another. An event that fails these can never succeed, so it
 * is rejected to the dead-letter queue with the reason, not retried. Recording is idempotent on the
 * event id, so redeliveries are harmless; the views catch up from the log when read.
 */
export function busIngest(
  store: AtomicEventStore,
  senderOf: (messageId: string) => string | undefined = () => undefined,
): EventHandler {
  return async (event, context) => {
    const sender = senderOf(context.messageId);
    if (sender === undefined) {
      throw new EventRejectedError(
        "no sender account: the ingest queue takes EventBridge envelopes from the platform's bus rule only",
      );
    }
    const { ledger } = await readIntegration(store, event.integrationid);
    if (ledger && ledger.accountId !== sender) {
      throw new EventRejectedError(
        `account_mismatch: sent from account ${sender}, but integration ${event.integrationid} covers account ${ledger.accountId}`,
      );
    }
    try {
      await ingestAgentEvents(store, event.integrationid, undefined, [event]);
    } catch (error) {
      if (error instanceof PlatformError && error.status < 500) {
        const details = error.details as { issues?: { code: string; message: string }[] } | undefined;
        const issue = details?.issues?.[0];
        throw new EventRejectedError(
          error.code === "integration_not_found"
            ? `integration ${event.integrationid} is not registered with this platform; create it (POST /admin/integrations) before its agent reports`
            : issue
              ? `${issue.code}: ${issue.message}`
              : `${error.code}: ${error.message}`,
        );
      }
      throw error;
    }
  };
}

/**
 * The ingest queue's messages are EventBridge envelopes; the bus consumer reads CloudEvents. Each
 * record's body becomes its `detail`, and its `account` is kept by message id for `busIngest`.
 * A body that is not an envelope is left as it is (and refused for want of a sender).
 */
export function unwrapEventBridgeRecords(event: SQSEvent): {
  event: SQSEvent;
  senderOf: (id: string) => string | undefined;
} {
  const senders = new Map<string, string>();
  const records = event.Records.map((record) => {
    try {
      const body = JSON.parse(record.body) as {
        account?: unknown;
        detail?: unknown;
        "detail-type"?: unknown;
      };
      if (
        typeof body.account === "string" &&
        typeof body["detail-type"] === "string" &&
        body.detail !== undefined
      ) {
        senders.set(record.messageId, body.account);
        return { ...record, body: JSON.stringify(body.detail) };
      }
    } catch {
      // not JSON: the consumer dead-letters it with the reason
    }
    return record;
  });
  return { event: { ...event, Records: records }, senderOf: (id) => senders.get(id) };
}
