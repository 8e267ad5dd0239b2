import { describe, expect, it } from "vitest";
import { RESOURCE_TYPES } from "../../src/assets/index.ts";
import { benchEvaluate } from "../../src/checks/index.ts";

describe("benchEvaluate", () => {
  it("counts (asset x check) evaluations over every resource type", () => {
    const assets = 10 * RESOURCE_TYPES.length;
    const result = benchEvaluate({ assets, rounds: 2 });
    expect(result.assets).toBe(assets);
    expect(result.checks).toBeGreaterThan(60);
    // The assets cycle through every type 10 times: 10 x (sum of checks per type) per round.
    expect(result.evaluations).toBe(2 * 10 * result.checks);
    expect(result.results).toBeGreaterThan(0);
    expect(result.results).toBeLessThanOrEqual(result.evaluations);
    expect(result.evaluationsPerSecond).toBeGreaterThan(0);
  });
});
