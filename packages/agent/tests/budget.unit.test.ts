import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ApiBudget,
  apiFamilyOf,
  budgetLimit,
  fullBucket,
  isThrottlingError,
  lowerBoundMs,
  ManualClock,
  RateLimitedError,
  reserve,
  sdkRetryConfig,
} from "../src/index.ts";

const throttle = () => Object.assign(new Error("Rate exceeded"), { name: "Throttling" });

describe("token bucket (pure)", () => {
  it("never lets more calls start in any window than burst + rate × window", () => {
    fc.assert(
      fc.property(
        fc.record({ burst: fc.integer({ min: 1, max: 300 }), perSecond: fc.integer({ min: 1, max: 50 }) }),
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 400 }),
        (limit, gaps) => {
          let state = fullBucket(limit, 0);
          let now = 0;
          const starts: number[] = [];
          for (const gap of gaps) {
            now += gap;
            const r = reserve(state, limit, now);
            state = r.state;
            starts.push(now + r.waitMs);
          }
          starts.sort((a, b) => a - b);
          for (let i = 0; i < starts.length; i++) {
            for (let j = i; j < starts.length; j++) {
              const window = (starts[j] as number) - (starts[i] as number);
              // +1: the refill that pays for a token may land within the same millisecond (ceil).
              expect(j - i + 1).toBeLessThanOrEqual(limit.burst + (window * limit.perSecond) / 1000 + 1);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("a back-to-back run of calls finishes exactly at the lower bound", () => {
    const limit = { burst: 80, perSecond: 16 };
    let state = fullBucket(limit, 0);
    let last = 0;
    for (let i = 0; i < 400; i++) {
      const r = reserve(state, limit, 0);
      state = r.state;
      last = r.waitMs;
    }
    expect(last).toBe(lowerBoundMs(400, limit));
    expect(lowerBoundMs(400, limit)).toBe(20_000);
    expect(lowerBoundMs(50, limit)).toBe(0);
  });
});

describe("API families and limits", () => {
  it("classifies EC2 calls as AWS charges them", () => {
    expect(apiFamilyOf("ec2", "DescribeInstances", {})).toBe("ec2:unfiltered");
    expect(apiFamilyOf("ec2", "DescribeInstances", { MaxResults: 1000 })).toBe("ec2:describe");
    expect(apiFamilyOf("ec2", "DescribeInstances", { InstanceIds: ["i-1"] })).toBe("ec2:describe");
    expect(apiFamilyOf("ec2", "DescribeSnapshotAttribute", { SnapshotId: "snap-1" })).toBe("ec2:describe");
    expect(apiFamilyOf("ec2", "TerminateInstances", {})).toBe("ec2:mutate");
    expect(apiFamilyOf("rds", "DescribeDBInstances")).toBe("rds");
    // A service without a published bucket is a family of its own, at the default limit.
    expect(apiFamilyOf("cloudtrail", "DescribeTrails")).toBe("cloudtrail");
    expect(apiFamilyOf("lambda", "ListFunctions")).toBe("lambda");
    expect(budgetLimit("lambda")).toEqual(budgetLimit("default"));
  });

  it("sizes the budget below AWS's published numbers", () => {
    expect(budgetLimit("ec2:describe")).toEqual({ burst: 80, perSecond: 16 });
    expect(budgetLimit("ec2:unfiltered")).toEqual({ burst: 40, perSecond: 8 });
    expect(budgetLimit("rds").burst).toBe(240);
    expect(budgetLimit("rds").perSecond).toBeCloseTo(9.6, 9);
    expect(() => budgetLimit("rds", 1.2)).toThrow(/headroom/);
  });

  it("SDK clients retry adaptively", () => {
    expect(sdkRetryConfig()).toEqual({ retryMode: "adaptive", maxAttempts: 5 });
  });
});

describe("ApiBudget", () => {
  const key = { accountId: "123456789012", region: "eu-west-1", family: "ec2:describe" };

  it("waits for tokens on the clock: 100 calls take (100 − 80) / 16 s", async () => {
    const clock = new ManualClock(0);
    const budget = new ApiBudget({ clock });
    const done: number[] = [];
    const calls = Array.from({ length: 100 }, () =>
      budget.call(key, async () => ({ $metadata: { attempts: 1 } })).then(() => done.push(clock.now())),
    );
    await clock.advance(60_000);
    await Promise.all(calls);
    expect(done.filter((t) => t === 0)).toHaveLength(80);
    expect(Math.max(...done)).toBe(1_250);
  });

  it("turns a throttling error into RateLimitedError and cuts the key's rate by 30%", async () => {
    const clock = new ManualClock(0);
    const budget = new ApiBudget({ clock });
    await expect(
      budget.call(
        key,
        async () => {
          throw throttle();
        },
        "ec2:DescribeInstances",
      ),
    ).rejects.toBeInstanceOf(RateLimitedError);
    expect(budget.shareOf(key)).toBeCloseTo(0.7, 9);
    expect(budget.shareOf({ ...key, region: "us-east-1" })).toBe(1);
    // After throttling the saved-up burst is gone: the next call waits for a refill.
    const next = budget.call(key, async () => Promise.reject(new Error("boom")));
    const settled = expect(next).rejects.toThrow("boom");
    await clock.advance(10_000);
    await settled;
    expect(budget.stats().throttled).toBe(1);
  });

  it("recognises AWS's throttling codes only", () => {
    for (const name of [
      "RequestLimitExceeded",
      "Throttling",
      "ThrottlingException",
      "SlowDown",
      "TooManyRequestsException",
    ])
      expect(isThrottlingError({ name })).toBe(true);
    for (const name of ["AccessDenied", "LimitExceededException", "InvalidParameterValue"])
      expect(isThrottlingError({ name })).toBe(false);
  });
});
