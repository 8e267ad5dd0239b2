import type { VigilEvent } from "@vigil/events";
import { type CredentialsSource, signAwsRequest } from "../lifecycle/aws-request.ts";
import type { Logger } from "../lifecycle/log.ts";

/**
 * Result events to the integration's EventBridge bus (organization members), which this account's
 * rule forwards to the platform's bus: one PutEvents per 10 events (EventBridge's limit), each entry
 * `Source` = the event's source (`urn:vigil:agent:<account>`), `DetailType` = its type, `Detail` =
 * the CloudEvent. EventBridge stamps the entry with this account, which the platform checks against
 * the integration's. Entries EventBridge refuses are retried twice; an event too large for an entry
 * (256 KB) or still refused goes to `fallback` (signed HTTP to the platform), so nothing is dropped
 * silently.
 */

export const PUT_EVENTS_BATCH = 10;
/** EventBridge's limit on one entry (source + detail type + detail), with room for the rest. */
export const MAX_ENTRY_BYTES = 250 * 1024;

export interface EventBusOptions {
  region: string;
  /** The bus name (`VIGIL_EVENT_BUS_NAME`). */
  busName: string;
  /** `https://events.<region>.amazonaws.com` unless overridden (`AWS_ENDPOINT_URL_EVENTBRIDGE` / `AWS_ENDPOINT_URL`). */
  endpoint: string;
  credentials: CredentialsSource;
  log: Logger;
  /** Where events EventBridge cannot take go (the platform over signed HTTP). */
  fallback?: (events: readonly VigilEvent[]) => Promise<void>;
  fetch?: typeof fetch;
  retryDelayMs?: number;
}

interface PutEventsAnswer {
  FailedEntryCount?: number;
  Entries?: { EventId?: string; ErrorCode?: string; ErrorMessage?: string }[];
}

export class EventBusError extends Error {
  override readonly name = "EventBusError";
}

export function eventBusSink(options: EventBusOptions): (events: readonly VigilEvent[]) => Promise<void> {
  const send = options.fetch ?? fetch;

  async function put(events: readonly VigilEvent[]): Promise<VigilEvent[]> {
    const body = JSON.stringify({
      Entries: events.map((e) => ({
        Source: e.source,
        DetailType: e.type,
        Detail: JSON.stringify(e),
        EventBusName: options.busName,
        Resources: [],
      })),
    });
    const request = await signAwsRequest({
      service: "events",
      region: options.region,
      endpoint: options.endpoint,
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AWSEvents.PutEvents" },
      body,
      credentials: options.credentials,
    });
    const response = await send(request.url, {
      method: "POST",
      headers: Object.fromEntries(
        Object.entries(request.headers).filter(([k]) => k !== "host" && k !== "content-length"),
      ),
      body,
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    if (!response.ok)
      throw new EventBusError(`EventBridge PutEvents answered ${response.status}: ${text.slice(0, 300)}`);
    const answer = JSON.parse(text || "{}") as PutEventsAnswer;
    // Entries answer in order; one with an ErrorCode was not put.
    return events.filter((_, i) => answer.Entries?.[i]?.ErrorCode !== undefined);
  }

  return async (events) => {
    const fits = events.filter(
      (e) => Buffer.byteLength(JSON.stringify(e)) + e.type.length + e.source.length < MAX_ENTRY_BYTES,
    );
    const tooLarge = events.filter((e) => !fits.includes(e));
    const leftOver: VigilEvent[] = [...tooLarge];
    for (let i = 0; i < fits.length; i += PUT_EVENTS_BATCH) {
      let pending = fits.slice(i, i + PUT_EVENTS_BATCH);
      let lastError: unknown;
      for (let attempt = 0; attempt < 3 && pending.length > 0; attempt++) {
        if (attempt > 0)
          await new Promise((r) => setTimeout(r, (options.retryDelayMs ?? 200) * 2 ** (attempt - 1)));
        try {
          pending = await put(pending);
        } catch (error) {
          lastError = error; // the whole batch again
        }
      }
      if (pending.length > 0) {
        options.log("warn", "EventBridge did not take events", {
          events: pending.length,
          ...(lastError ? { error: String(lastError) } : {}),
        });
        leftOver.push(...pending);
      }
    }
    if (leftOver.length > 0) {
      if (!options.fallback)
        throw new EventBusError(`${leftOver.length} events could not be put on ${options.busName}`);
      await options.fallback(leftOver);
    }
  };
}
