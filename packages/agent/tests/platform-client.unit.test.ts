import { createEvent, generateServiceKeyPair, type VigilEvent } from "@vigil/events";
import { describe, expect, it } from "vitest";
import { ServiceCredentials } from "../src/lifecycle/credentials.ts";
import { HttpPlatformClient, PlatformRequestError } from "../src/lifecycle/platform-client.ts";

const URL = "https://platform.example.com";
const credentials = new ServiceCredentials(
  "int-aaaaaaaaaaaa",
  "key-1",
  URL,
  generateServiceKeyPair().privateKeyPem,
);
const events = [
  createEvent(
    "vigil.scan.failed.v1",
    {
      scanId: "scan-1",
      error: { code: "x", message: "failed", retryable: false },
      completedShards: 0,
      failedShards: [],
    },
    { source: "urn:vigil:agent:111111111111", integrationId: "int-aaaaaaaaaaaa" },
  ) as VigilEvent,
];

/** A platform that answers each request in turn from `answers` (a status, or a network failure). */
function platform(answers: (number | "unreachable")[]) {
  const bodies: string[] = [];
  const fetch = (async (_url: string, init: RequestInit) => {
    bodies.push(String(init.body));
    const answer = answers.shift() ?? 202;
    if (answer === "unreachable") throw new TypeError("fetch failed");
    return new Response(
      JSON.stringify(answer < 300 ? { accepted: 1 } : { error: { code: "e", message: "m" } }),
      {
        status: answer,
        headers: { "content-type": "application/json" },
      },
    );
  }) as typeof globalThis.fetch;
  const client = new HttpPlatformClient({ platformUrl: URL, credentials, fetch, retryDelaysMs: [1, 1, 1] });
  return { client, bodies };
}

describe("the agent's reports to the platform", () => {
  it("sends a batch again when the platform could not take it (unreachable, 429, 5xx), the same events", async () => {
    const { client, bodies } = platform(["unreachable", 503, 429, 202]);
    await client.report(events);
    expect(bodies).toHaveLength(4);
    expect(new Set(bodies).size).toBe(1);
  });

  it("gives up after its retries, with the platform's answer", async () => {
    const { client, bodies } = platform([500, 500, 500, 500, 202]);
    await expect(client.report(events)).rejects.toMatchObject({ status: 500 });
    expect(bodies).toHaveLength(4);
  });

  it("does not retry a refusal", async () => {
    const { client, bodies } = platform([409]);
    const error = await client.report(events).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformRequestError);
    expect((error as PlatformRequestError).status).toBe(409);
    expect(bodies).toHaveLength(1);
  });
});
