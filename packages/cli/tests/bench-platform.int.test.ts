import { describe, expect, it } from "vitest";
import { renderPlatformBench, runPlatformBench } from "../src/commands/bench-platform.ts";

describe("vigil bench platform", () => {
  it("offers the asked rate in open loop, each agent on its schedule, and says so", async () => {
    // 3 agents × 4 requests of 5 reports at 150 reports/s: one request every 100 ms per agent.
    const result = await runPlatformBench({
      levels: [3],
      requestsPerAgent: 4,
      batchSize: 5,
      storage: "memory",
      offeredReportsPerSecond: 150,
    });
    const [level] = result.levels;
    expect(level).toMatchObject({ agents: 3, requests: 12, reports: 60, errors: 0 });
    // The requests are spread over ~0.4 s whatever the platform's speed: the rate is the offered one.
    expect(level?.seconds).toBeGreaterThan(0.35);
    expect(level?.reportsPerSecond).toBeLessThanOrEqual(150 * 1.1);
    expect(level?.reportsPerSecond).toBeGreaterThan(60); // the last answer's wait counts too
    expect(renderPlatformBench(result)).toMatch(/open loop \(150 reports\/s offered/);
  });

  it("on DynamoDB Local, measures the event log alone in the same run, as ingest appends", async () => {
    const result = await runPlatformBench({
      levels: [2],
      requestsPerAgent: 3,
      batchSize: 5,
      storage: "dynamodb",
    });
    expect(result.levels[0]).toMatchObject({ agents: 2, requests: 6, reports: 30, errors: 0 });
    // Every request of every agent appended again, straight to a fresh log table: none refused.
    expect(result.storeAlone).toMatchObject({ agents: 2, requests: 6, reports: 30, errors: 0 });
    expect(result.storeAlone?.reportsPerSecond).toBeGreaterThan(0);
    expect(renderPlatformBench(result)).toMatch(
      /the event log alone on this DynamoDB Local \(2 writers.*\): [\d,]+ reports\/s.*ingest at 2 agents reached \d+% of it/,
    );
  }, 120_000);

  it("runs closed loop by default: as fast as the platform answers", async () => {
    const result = await runPlatformBench({
      levels: [2],
      requestsPerAgent: 4,
      batchSize: 5,
      storage: "memory",
    });
    expect(result.offeredReportsPerSecond).toBeUndefined();
    expect(result.levels[0]).toMatchObject({ agents: 2, requests: 8, reports: 40, errors: 0 });
    expect(renderPlatformBench(result)).toMatch(/closed loop/);
  });
});
