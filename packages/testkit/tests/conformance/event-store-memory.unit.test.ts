import {
  type AppendOptions,
  type AppendResult,
  type EventEnvelope,
  type EventStore,
  ExpectedVersionConflictError,
  InMemoryEventStore,
  type ReadAllOptions,
  type ReadStreamOptions,
} from "@vigil/events";
import { describe, expect, it } from "vitest";
import { checkConcurrentWriters, eventStoreConformance } from "../../src/conformance/index.ts";

// Configured as the DynamoDB Local run is: with a claim check, and without one for the refusals.
eventStoreConformance("in-memory", {
  create: async () => new InMemoryEventStore({ claimCheck: {} }),
  createWithoutClaimCheck: async () => new InMemoryEventStore(),
});

/**
 * An adapter that checks the expected version by reading first and then appends without a
 * condition (the classic read-then-write race). It passes every single-writer test, so the
 * race property must be what catches it.
 */
class ReadThenWriteStore implements EventStore {
  readonly inner = new InMemoryEventStore();
  async appendToStream(
    streamId: string,
    events: readonly EventEnvelope[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const { streamVersion } = await this.inner.readStream(streamId);
    const expected = options.expectedVersion ?? "any";
    if (typeof expected === "number" && expected !== streamVersion) {
      throw new ExpectedVersionConflictError(streamId, expected, streamVersion);
    }
    await new Promise((resolve) => setTimeout(resolve, 1)); // the network round trip between read and write
    return this.inner.appendToStream(streamId, events, { expectedVersion: "any" });
  }
  readStream(streamId: string, options?: ReadStreamOptions) {
    return this.inner.readStream(streamId, options);
  }
  readAll(options?: ReadAllOptions) {
    return this.inner.readAll(options);
  }
}

describe("the conformance suite can fail", () => {
  it("rejects an adapter that appends without the version condition", async () => {
    await expect(checkConcurrentWriters(new ReadThenWriteStore())).rejects.toThrow(
      /conformance violation: round 0: expected exactly one winner at version 1, got 8/,
    );
  });

  it("accepts the real in-memory adapter on the same property", async () => {
    await expect(checkConcurrentWriters(new InMemoryEventStore(), 16, 5)).resolves.toBeUndefined();
  });
});
