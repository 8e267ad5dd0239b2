import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  costModel,
  DEFAULT_COST_INPUTS,
  monthlyUsage,
  REPRESENTATIVE_MONTH,
  totalDollars,
} from "../src/index.ts";

describe("cost model", () => {
  it("prices the representative month itself at us-east-1 list prices", () => {
    const lines = costModel();
    const sqs = lines.find((l) => l.line === "sqsRequests");
    expect(sqs?.representativeDollars).toBeCloseTo(0.2504, 4); // 626,000 × $0.40 per million
    const lambdaGbs = lines.find((l) => l.line === "lambdaGbSeconds");
    expect(lambdaGbs?.representativeDollars).toBeCloseTo(76_000 * 0.0000133334, 6);
  });

  it("counts heartbeats every 10 minutes: 4,320 invocations a month", () => {
    const usage = monthlyUsage({ ...DEFAULT_COST_INPUTS, scansPerDay: 0, ec2StateChangesPerMonth: 0 });
    expect(usage.lambdaRequests).toBe(4_320 + 30);
  });

  it("idle pollers alone cost 129,600 SQS requests each per month", () => {
    const none = monthlyUsage({ ...DEFAULT_COST_INPUTS, idlePollers: 0 }).sqsRequests;
    const one = monthlyUsage({ ...DEFAULT_COST_INPUTS, idlePollers: 1 }).sqsRequests;
    expect(one - none).toBe(129_600);
  });

  it("the free tier never costs more, and usage grows with cadence", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 48 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 30 }),
        (scansPerDay, assets, regions) => {
          const inputs = { ...DEFAULT_COST_INPUTS, scansPerDay, assets, regions };
          const lines = costModel(inputs);
          expect(totalDollars(lines, true)).toBeLessThanOrEqual(totalDollars(lines, false));
          const more = monthlyUsage({ ...inputs, scansPerDay: scansPerDay + 1 });
          const base = monthlyUsage(inputs);
          for (const k of Object.keys(REPRESENTATIVE_MONTH) as (keyof typeof REPRESENTATIVE_MONTH)[]) {
            expect(more[k]).toBeGreaterThanOrEqual(base[k]);
          }
        },
      ),
    );
  });

  it("flags each line against the ≤ 1/10 target", () => {
    for (const l of costModel()) expect(l.withinTarget).toBe(l.quantity <= l.representative / 10);
  });
});
