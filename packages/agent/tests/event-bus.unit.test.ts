import { createEvent, type VigilEvent } from "@vigil/events";
import { describe, expect, it } from "vitest";
import { eventBusSink, PUT_EVENTS_BATCH } from "../src/scan/event-bus.ts";

/** The agent's result events to its EventBridge bus: batches, signed PutEvents, retries, the HTTP fallback. */

const credentials = { accessKeyId: "AKIAEXAMPLE", secretAccessKey: "secret" };
const event = (i: number, bytes = 0): VigilEvent =>
  createEvent(
    "vigil.scan.resumed.v1",
    { scanId: `scan-${i}${"x".repeat(bytes)}`.slice(0, 128), pausedMs: 0, remainingShards: i },
    {
      source: "urn:vigil:agent:123456789012",
      integrationId: "int-1",
      id: `e-${i}`,
      time: new Date("2025-01-01T00:00:00Z"),
    },
  );

function fakeEventBridge(refuse: (entry: { Detail: string }, attempt: number) => boolean) {
  const calls: {
    headers: Record<string, string>;
    entries: { Source: string; DetailType: string; Detail: string; EventBusName: string }[];
  }[] = [];
  const attempts = new Map<string, number>();
  const fetch = (async (_url: string, init: { headers: Record<string, string>; body: string }) => {
    const entries = (JSON.parse(init.body) as { Entries: (typeof calls)[number]["entries"] }).Entries;
    calls.push({ headers: init.headers, entries });
    const answers = entries.map((e) => {
      const id = (JSON.parse(e.Detail) as { id: string }).id;
      const n = (attempts.get(id) ?? 0) + 1;
      attempts.set(id, n);
      return refuse(e, n)
        ? { ErrorCode: "InternalFailure", ErrorMessage: "try again" }
        : { EventId: `ev-${id}` };
    });
    return new Response(
      JSON.stringify({ FailedEntryCount: answers.filter((a) => "ErrorCode" in a).length, Entries: answers }),
    );
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

const base = {
  region: "us-east-1",
  busName: "vigil-int-1",
  endpoint: "https://events.us-east-1.amazonaws.com",
  credentials,
  log: () => {},
  retryDelayMs: 1,
};

describe("result events to the integration's bus", () => {
  it("puts them 10 at a time, signed, each entry the CloudEvent from its source with its type", async () => {
    const bus = fakeEventBridge(() => false);
    await eventBusSink({ ...base, fetch: bus.fetch })(Array.from({ length: 23 }, (_, i) => event(i)));
    expect(bus.calls.map((c) => c.entries.length)).toEqual([PUT_EVENTS_BATCH, PUT_EVENTS_BATCH, 3]);
    const [first] = bus.calls;
    expect(first?.headers["x-amz-target"]).toBe("AWSEvents.PutEvents");
    expect(first?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE\/\d{8}\/us-east-1\/events\/aws4_request/,
    );
    expect(first?.entries[0]).toMatchObject({
      Source: "urn:vigil:agent:123456789012",
      DetailType: "vigil.scan.resumed.v1",
      EventBusName: "vigil-int-1",
    });
    expect(JSON.parse(first?.entries[0]?.Detail ?? "{}")).toEqual(event(0));
  });

  it("puts again only the entries EventBridge refused, and sends what it keeps refusing over HTTP", async () => {
    const fallback: VigilEvent[] = [];
    const bus = fakeEventBridge((e, attempt) => {
      const id = (JSON.parse(e.Detail) as { id: string }).id;
      return id === "e-1" ? attempt === 1 : id === "e-2";
    });
    await eventBusSink({
      ...base,
      fetch: bus.fetch,
      fallback: async (events) => void fallback.push(...events),
    })([event(0), event(1), event(2)]);
    expect(bus.calls.map((c) => c.entries.map((e) => (JSON.parse(e.Detail) as { id: string }).id))).toEqual([
      ["e-0", "e-1", "e-2"],
      ["e-1", "e-2"],
      ["e-2"],
    ]);
    expect(fallback.map((e) => e.id)).toEqual(["e-2"]);
  });

  it("never drops silently: without a fallback, what EventBridge refuses is an error", async () => {
    const bus = fakeEventBridge(() => true);
    await expect(eventBusSink({ ...base, fetch: bus.fetch })([event(0)])).rejects.toThrow(
      /could not be put on vigil-int-1/,
    );
  });
});
