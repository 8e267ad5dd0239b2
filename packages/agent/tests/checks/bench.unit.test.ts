import { describe, expect, it } from "vitest";
import { benchEvaluate } from "../../src/checks/index.ts";

describe("benchEvaluate", () => {
  it("counts (asset x check) evaluations over every resource type", () => {
    const result = benchEvaluate({ assets: 270, rounds: 2 });
    expect(result.assets).toBe(270);
    expect(result.checks).toBeGreaterThan(60);
    // 270 assets cycle through all 27 types 10 times: 10 x (sum of checks per type) per round.
    expect(result.evaluations).toBe(2 * 10 * result.checks);
    expect(result.results).toBeGreaterThan(0);
    expect(result.results).toBeLessThanOrEqual(result.evaluations);
    expect(result.evaluationsPerSecond).toBeGreaterThan(0);
  });
});
