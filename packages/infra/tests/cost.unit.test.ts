import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CostInputs,
  costModel,
  DEFAULT_COST_INPUTS,
  eventsPerScan,
  heartbeatMinutesToPass,
  monthlyBreakdown,
  monthlyUsage,
  REPRESENTATIVE_MONTH,
  reportsPerScan,
  rootTemplate,
  shardsPerScan,
  totalAgainstRepresentative,
  totalDollars,
  type UsageLine,
} from "../src/index.ts";

/** A month with nothing but the heartbeat and the daily update check. */
const idle: CostInputs = {
  ...DEFAULT_COST_INPUTS,
  scanIntervalHours: Number.POSITIVE_INFINITY,
  ec2StateChangesPerMonth: 0,
  otherCommandsPerMonth: 0,
  alertsPerMonth: 0,
};

const lineOf = (line: UsageLine, inputs: CostInputs = DEFAULT_COST_INPUTS) =>
  costModel(inputs).find((l) => l.line === line);

describe("cost model", () => {
  it("prices the representative month itself at us-east-1 list prices", () => {
    const sqs = lineOf("sqsRequests");
    expect(sqs?.representativeDollars).toBeCloseTo(0.2504, 4); // 626,000 × $0.40 per million
    const lambdaGbs = lineOf("lambdaGbSeconds");
    expect(lambdaGbs?.representativeDollars).toBeCloseTo(76_000 * 0.0000133334, 6);
  });

  it("counts heartbeats every 10 minutes: 4,320 invocations a month", () => {
    const requests = monthlyBreakdown(idle).lambdaRequests;
    expect(requests.heartbeats).toBe(4_320);
    // Plus the daily update check, and its own check-started event SNS pushes back to the updater.
    expect(monthlyUsage(idle).lambdaRequests).toBe(4_320 + 30 + 30);
  });

  it("an idle month costs one GetQueueAttributes per heartbeat and no polling: 4,320 SQS requests", () => {
    // Before the runtime contract, each idle SQS event-source mapping poller cost 129,600 receives
    // a month (one 20 s long poll at a time); the representative 626,000 is about five of them.
    expect(monthlyUsage(idle).sqsRequests).toBe(4_320);
    expect(monthlyBreakdown(DEFAULT_COST_INPUTS).sqsRequests.idlePolling).toBe(0);
    expect(monthlyUsage({ ...idle, heartbeatMinutes: 60 }).sqsRequests).toBe(720);
  });

  it("counts a scan's jobs from regions × service groups + the account-wide shards, in batches of 10", () => {
    expect(shardsPerScan(DEFAULT_COST_INPUTS)).toBe(17 * 21 + 2);
    const oneScanPerMonth = { ...idle, scanIntervalHours: 720, heartbeatMinutes: 43_200 };
    const sqs = monthlyBreakdown(oneScanPerMonth).sqsRequests;
    expect(sqs.scanSendMessageBatch).toBe(36); // ⌈359 / 10⌉
    expect(sqs.scanReceiveMessage).toBe(37); // 36 full receives and the empty one that ends the drain
    expect(sqs.scanDeleteMessage).toBe(359); // the agent acknowledges one job per DeleteMessage
    expect(monthlyUsage(oneScanPerMonth).sqsRequests).toBe(1 + 36 + 37 + 359);
    const batched = monthlyBreakdown({ ...oneScanPerMonth, jobsPerDelete: 10 }).sqsRequests;
    expect(batched.scanDeleteMessage).toBe(36); // with DeleteMessageBatch
  });

  it("sends the platform changed and due reports, a digest per shard and the lifecycle; none goes on the topic", () => {
    // 2 % changed (100) + refreshed every 30 days at a scan every 12 h (5,000 / 60 ≈ 84): 184 reports.
    expect(reportsPerScan(DEFAULT_COST_INPUTS)).toBe(184);
    // + 359 digests (one per shard) + 10 (parts beyond the first) + 5 lifecycle events.
    expect(eventsPerScan(DEFAULT_COST_INPUTS)).toBe(184 + 359 + 10 + 5);
    // The topic carries the platform's commands, the updater's facts and the alerts: nothing a scan records.
    expect(monthlyBreakdown(DEFAULT_COST_INPUTS).snsApiRequests).toEqual({
      scanResults: 0,
      platformCommands: 2,
      updaterPublish: 30,
      alertPublish: 5,
    });
  });

  it("derives Lambda GB-s from the measured scan and heartbeat durations at the functions' memory", () => {
    const gbs = monthlyBreakdown(DEFAULT_COST_INPUTS).lambdaGbSeconds;
    expect(gbs.scans).toBeCloseTo(60 * (10 + 1) * 1, 6); // 60 scans × (10 s bench + 1 s last empty poll) × 1 GB
    expect(gbs.heartbeats).toBeCloseTo(4_320 * 0.3, 6);
    expect(gbs.updater).toBeCloseTo((30 * 1 + 30 * 0.3) * 0.25, 6);
    const twice = monthlyBreakdown({ ...DEFAULT_COST_INPUTS, scanSeconds: 20 }).lambdaGbSeconds;
    expect((twice.scans ?? 0) - (gbs.scans ?? 0)).toBeCloseTo(60 * 10, 6);
  });

  it("EventBridge events are the scheduled rules plus EC2 state changes", () => {
    expect(monthlyBreakdown(DEFAULT_COST_INPUTS).events).toEqual({
      heartbeatRule: 4_320,
      scanRule: 60,
      updateCheckRule: 30,
      ec2StateChanges: 300,
    });
  });

  it("counts an organization member's results on its EventBridge bus as custom events, which fail the events target", () => {
    // A single account reports over signed HTTP: nothing in the account's bill.
    expect(monthlyBreakdown(DEFAULT_COST_INPUTS).events.resultPutEvents).toBeUndefined();
    const member = { ...DEFAULT_COST_INPUTS, resultsOverEventBridge: true };
    // One PutEvents entry per event: 60 scans × 558, and 300 rescans × (1 + 5 lifecycle events).
    expect(monthlyBreakdown(member).events.resultPutEvents).toBe(60 * 558 + 300 * 6);
    const events = lineOf("events", member);
    expect(events?.counted).toBe(60 + 30 + 300 + 35_280);
    expect(events?.withinTarget).toBe(false);
    expect(heartbeatMinutesToPass(member, "events")).toBeNull();
    expect(totalAgainstRepresentative(costModel(member)).withinTarget).toBe(false);
  });

  it("leaves the heartbeat's own invocations and schedule events out of the target, and counts the rest", () => {
    const requests = lineOf("lambdaRequests");
    expect(requests?.heartbeatOwn).toBe(4_320);
    expect(requests?.counted).toBe(4_742 - 4_320); // scans, commands, EC2 rescans, update checks
    expect(requests?.ratio).toBeCloseTo(422 / 11_000, 9);
    expect(requests?.withinTarget).toBe(true);
    const events = lineOf("events");
    expect(events?.heartbeatOwn).toBe(4_320);
    expect(events?.counted).toBe(60 + 30 + 300);
    // The heartbeat's GetQueueAttributes and run time are not exempt: only its invocations and rule events.
    expect(lineOf("sqsRequests")?.heartbeatOwn).toBe(0);
    expect(lineOf("lambdaGbSeconds")?.heartbeatOwn).toBe(0);
    // EC2 churn is not the heartbeat's: 2,000 state changes a month fail the Lambda-request target,
    // and no heartbeat cadence helps.
    const churn = { ...DEFAULT_COST_INPUTS, ec2StateChangesPerMonth: 2_000 };
    expect(lineOf("lambdaRequests", churn)?.withinTarget).toBe(false);
    expect(heartbeatMinutesToPass(churn, "lambdaRequests")).toBeNull();
  });

  it("names the heartbeat cadence that brings a heartbeat-driven line within the target", () => {
    // A heartbeat every minute: 43,200 runs of 0.3 s at 1 GB pass 1/10 of the GB-s.
    const everyMinute = { ...DEFAULT_COST_INPUTS, heartbeatMinutes: 1 };
    expect(lineOf("lambdaGbSeconds", everyMinute)?.withinTarget).toBe(false);
    const minutes = heartbeatMinutesToPass(everyMinute, "lambdaGbSeconds");
    expect(minutes).not.toBeNull();
    const m = minutes ?? 0;
    expect(lineOf("lambdaGbSeconds", { ...everyMinute, heartbeatMinutes: m })?.withinTarget).toBe(true);
    expect(lineOf("lambdaGbSeconds", { ...everyMinute, heartbeatMinutes: m - 1 })?.withinTarget).toBe(false);
    expect(lineOf("lambdaGbSeconds", everyMinute)?.heartbeatMinutesToPass).toBe(m);
  });

  it("judges the month's dollars without the free tier against 1/20 of the representative month's", () => {
    const lines = costModel();
    const total = totalAgainstRepresentative(lines);
    expect(total.dollars).toBeCloseTo(totalDollars(lines, false), 12);
    // The representative month's budgeted lines: SQS, GB-s, Lambda requests, events, logs, SNS API requests.
    expect(total.representativeDollars).toBeCloseTo(
      626_000 * 0.4e-6 + 76_000 * 0.0000133334 + 11_000 * 0.2e-6 + 8_000 * 1e-6 + 0.5 + 3_000 * 0.5e-6,
      9,
    );
    expect(total.ratio).toBeLessThanOrEqual(1 / 20);
    expect(total.withinTarget).toBe(true);
    // Thirty accounts scanned every hour: the total fails its target.
    const big = totalAgainstRepresentative(
      costModel({ ...DEFAULT_COST_INPUTS, accounts: 30, scanIntervalHours: 1 }),
    );
    expect(big.withinTarget).toBe(false);
  });

  it("SNS API requests meet the ≤ 1/10 target and issue 16's ≤ 3,000, whatever the account's size", () => {
    const sns = lineOf("snsApiRequests");
    expect(sns?.budgeted).toBe(true);
    expect(sns?.quantity).toBe(2 + 30 + 5);
    expect(sns?.withinTarget).toBe(true);
    // Results reach the platform directly: more assets, regions, shards or changes add no SNS request.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200_000 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (assets, regions, serviceGroups, changedReportsPerScan) =>
          lineOf("snsApiRequests", {
            ...DEFAULT_COST_INPUTS,
            assets,
            regions,
            serviceGroups,
            changedReportsPerScan,
          })?.quantity === sns?.quantity,
      ),
    );
  });

  it("reports no heartbeat cadence for a line the heartbeat does not drive", () => {
    // SNS API requests follow the commands, update checks and alerts: a thousand alerts fail the line.
    const noisy = { ...DEFAULT_COST_INPUTS, alertsPerMonth: 1_000 };
    expect(lineOf("snsApiRequests", noisy)?.withinTarget).toBe(false);
    expect(heartbeatMinutesToPass(noisy, "snsApiRequests")).toBeNull();
    // A passing line needs nothing: its own cadence is returned.
    expect(heartbeatMinutesToPass(DEFAULT_COST_INPUTS, "sqsRequests")).toBe(10);
  });

  it("the free tier never costs more, and usage grows with cadence and size", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 168 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 120 }),
        (scanIntervalHours, assets, regions, heartbeatMinutes) => {
          const inputs = { ...DEFAULT_COST_INPUTS, scanIntervalHours, assets, regions, heartbeatMinutes };
          const lines = costModel(inputs);
          expect(totalDollars(lines, true)).toBeLessThanOrEqual(totalDollars(lines, false));
          const base = monthlyUsage(inputs);
          const variants = [
            { ...inputs, scanIntervalHours: scanIntervalHours / 2 },
            { ...inputs, assets: assets + 1_000 },
            { ...inputs, regions: regions + 1 },
            { ...inputs, heartbeatMinutes: Math.max(1, heartbeatMinutes - 1) },
          ];
          for (const more of variants.map(monthlyUsage)) {
            for (const k of Object.keys(REPRESENTATIVE_MONTH) as UsageLine[]) {
              expect(more[k]).toBeGreaterThanOrEqual(base[k] - 1e-9);
            }
          }
        },
      ),
    );
  });

  it("flags each line against the ≤ 1/10 target, without the heartbeat's own part", () => {
    for (const l of costModel()) {
      expect(l.counted).toBeCloseTo(l.quantity - l.heartbeatOwn, 9);
      expect(l.withinTarget).toBe(l.counted <= l.representative / 10);
    }
  });

  it("models the template it prices: no customer-side resource is an SQS event-source mapping", () => {
    const types = Object.values(rootTemplate().Resources).map((r) => r.Type);
    expect(types).not.toContain("AWS::Lambda::EventSourceMapping");
    // The queue the heartbeat's GetQueueAttributes asks about exists.
    expect(types).toContain("AWS::SQS::Queue");
    expect(rootTemplate().Resources.AgentJobQueue?.Type).toBe("AWS::SQS::Queue");
  });
});
