import type { EventBenchResult } from "@vigil/events";
import { describe, expect, it } from "vitest";
import { replayBudget } from "../src/commands/bench-events.ts";

const row = (adapter: string, ratio: number): EventBenchResult => ({
  adapter,
  events: 10_000,
  appendSinglePerSec: 100,
  appendBatchedPerSec: 1_500,
  rawReadPerSec: 40_000,
  validatedReadPerSec: 40_000 * ratio,
  ratio,
});

describe("vigil bench events: the replay budget", () => {
  it("is judged on DynamoDB only: the in-memory ratio is not a budget", () => {
    const verdict = replayBudget([row("in-memory", 0.2), row("DynamoDB Local", 0.86)]);
    expect(verdict.met).toBe(true);
    expect(verdict.line).toContain("met (0.860×");
  });

  it("fails below 0.8× on DynamoDB, and says so", () => {
    const verdict = replayBudget([row("in-memory", 0.9), row("DynamoDB Local", 0.79)]);
    expect(verdict.met).toBe(false);
    expect(verdict.line).toContain("NOT MET (0.790×");
  });

  it("is not judged, and not called met, when DynamoDB Local was not run", () => {
    const verdict = replayBudget([row("in-memory", 0.2)]);
    expect(verdict.met).toBeUndefined();
    expect(verdict.line).toContain("not judged");
  });
});
