/**
 * The monthly cost of one integration, counted from the runtime contract's architecture: SNS
 * pushes commands to the agent (no SQS event-source mapping, so nothing polls while idle), scan
 * jobs wait on the agent's job queue and are drained by the agent itself, EventBridge rules send the
 * heartbeat, scan and update-check inputs. Pure: inputs in, per-line monthly counts (with the
 * components they are made of) and dollars out, at us-east-1 list prices, with and without free tier.
 */

export interface CostInputs {
  readonly accounts: number;
  /** Assets per account: each assessed every scan, its report published when it changed. */
  readonly assets: number;
  /** Share of the assets whose report changes from one scan to the next (published again). */
  readonly changedReportsPerScan: number;
  /** An unchanged report is published again after this many days (the agent's `REPORT_REFRESH_MS`). */
  readonly reportRefreshDays: number;
  /** Assets listed per part of a shard's digest (`vigil.scan.shard-digest.v1`). */
  readonly digestPartAssets: number;
  readonly regions: number;
  /**
   * Regional shards per region (the agent's regional service groups: EC2, RDS, …, one scan job
   * each; `SERVICE_GROUPS` in packages/agent/src/scan/shard.ts, kept equal by the CLI's wiring test).
   */
  readonly serviceGroups: number;
  /** Account-wide shards (IAM, S3 buckets, account settings), run once per scan. */
  readonly globalShards: number;
  /** Lifecycle events per scan besides one per asset and one per region (requested, started, completed, …). */
  readonly lifecycleEventsPerScan: number;
  /** `ScanIntervalHours` of the stack. */
  readonly scanIntervalHours: number;
  /** `HeartbeatMinutes` of the stack. */
  readonly heartbeatMinutes: number;
  /** `UpdateCheckHours` of the stack. */
  readonly updateCheckHours: number;
  /** Measured agent run time of one full scan (`vigil bench scan`: 5,000 assets, 17 regions, 1024 MB). */
  readonly scanSeconds: number;
  /**
   * Time a drain spends on its last, empty receive: the poll waits its full WaitTimeSeconds before
   * the agent knows the queue is empty (the agent's drain receives with 1 s, `handlers/ports.ts`).
   */
  readonly drainIdleSeconds: number;
  /** Measured run time of a heartbeat that finds the job queue empty (one GetQueueAttributes, one check-in). */
  readonly heartbeatSeconds: number;
  /** Run time of an SNS-pushed command the agent only acknowledges or dedupes. */
  readonly commandSeconds: number;
  /** Run time of one debounced single-instance rescan. */
  readonly rescanSeconds: number;
  readonly agentMemoryMb: number;
  readonly updaterMemoryMb: number;
  readonly updateCheckSeconds: number;
  /**
   * The platform's commands per month (platform-requested scans, settings, credentials issued,
   * delete requests): each taken at a check-in and put on the events topic, which pushes it to the
   * agent. The agent's own requests (scheduled scans, EC2 rescans) are not echoed back to it.
   */
  readonly otherCommandsPerMonth: number;
  /** SNS pushes to the updater per update check (its own `update.check-started` comes back). */
  readonly updaterPushesPerCheck: number;
  /** EC2 instance state changes per month that reach the rule (each a rescan job on the queue). */
  readonly ec2StateChangesPerMonth: number;
  /** Messages per ReceiveMessage / SendMessageBatch (SQS's maximum is 10). */
  readonly jobBatchSize: number;
  /**
   * Jobs acknowledged per delete call: 1 while the agent's `SqsJobQueue.ack` sends one
   * DeleteMessage per job; 10 with DeleteMessageBatch.
   */
  readonly jobsPerDelete: number;
  /** Alerts sent to people (`vigil-alerts` → e-mail/HTTPS): the only billed SNS notifications. */
  readonly alertsPerMonth: number;
  /**
   * An organization member: the agent sends its results to the integration's EventBridge bus
   * (`PutEvents`, each event up to 64 KB billed as one custom event), which a rule forwards to the
   * platform's bus (cross-account delivery, $0.05 a million, left out: 1/20 of the ingestion). A
   * single account's go over signed HTTP, which costs nothing in the account.
   */
  readonly resultsOverEventBridge: boolean;
  readonly logBytesPerEvent: number;
  /** START/END/REPORT lines and a summary line per invocation. */
  readonly logBytesPerInvocation: number;
}

/**
 * Defaults: the reference cadence (a scan every 12 h, heartbeat every 10 min, update check daily)
 * of one account the size `vigil bench scan` measures (5,000 assets in 17 regions, ~10 s at 1024 MB).
 */
export const DEFAULT_COST_INPUTS: CostInputs = {
  accounts: 1,
  assets: 5_000,
  changedReportsPerScan: 0.02,
  reportRefreshDays: 30,
  digestPartAssets: 500,
  regions: 17,
  serviceGroups: 21,
  globalShards: 2,
  lifecycleEventsPerScan: 5,
  scanIntervalHours: 12,
  heartbeatMinutes: 10,
  updateCheckHours: 24,
  scanSeconds: 10,
  drainIdleSeconds: 1,
  heartbeatSeconds: 0.3,
  commandSeconds: 0.3,
  rescanSeconds: 1,
  agentMemoryMb: 1024,
  updaterMemoryMb: 256,
  updateCheckSeconds: 1,
  otherCommandsPerMonth: 2,
  updaterPushesPerCheck: 1,
  ec2StateChangesPerMonth: 300,
  jobBatchSize: 10,
  jobsPerDelete: 1,
  alertsPerMonth: 5,
  resultsOverEventBridge: false,
  logBytesPerEvent: 150,
  logBytesPerInvocation: 600,
};

/** The representative month of an integration like Vigil's, which the target is measured against. */
export const REPRESENTATIVE_MONTH = {
  sqsRequests: 626_000,
  lambdaGbSeconds: 76_000,
  lambdaRequests: 11_000,
  events: 8_000,
  logGb: 1,
  snsHttpNotifications: 2_000,
  snsApiRequests: 3_000,
} as const;
export type UsageLine = keyof typeof REPRESENTATIVE_MONTH;

/**
 * The lines of the representative month budgeted at ≤ 1/10 (every line that grows with scans); SNS
 * HTTP notifications (alerts to people) are reported alongside: their figure is the earlier model's.
 */
export const BUDGETED_LINES: readonly UsageLine[] = [
  "sqsRequests",
  "lambdaGbSeconds",
  "lambdaRequests",
  "events",
  "logGb",
  "snsApiRequests",
];

/**
 * What the budget leaves out of a line: the heartbeat's own invocations and schedule events are
 * what its cadence makes them (4,320 a month at 10 minutes, whatever is scanned); the ≤ 1/10
 * target holds for the rest of the line, which grows with scans, assets and EC2 churn.
 */
export const HEARTBEAT_OWN: Readonly<Partial<Record<UsageLine, readonly string[]>>> = {
  lambdaRequests: ["heartbeats"],
  events: ["heartbeatRule"],
};

/** The month's dollars without the free tier, against the representative month's: ≤ 1/20. */
export const TOTAL_TARGET_RATIO = 1 / 20;

/** us-east-1 list prices (USD) and monthly free tiers. */
export const US_EAST_1: Readonly<Record<UsageLine, { perUnit: number; freeUnits: number; unit: string }>> = {
  sqsRequests: { perUnit: 0.4 / 1e6, freeUnits: 1_000_000, unit: "requests" },
  lambdaGbSeconds: { perUnit: 0.0000133334, freeUnits: 400_000, unit: "GB-s (arm64)" },
  lambdaRequests: { perUnit: 0.2 / 1e6, freeUnits: 1_000_000, unit: "requests" },
  // Priced like custom events (conservative: AWS does not bill scheduled-rule and AWS-service events on the default bus).
  events: { perUnit: 1 / 1e6, freeUnits: 0, unit: "events" },
  logGb: { perUnit: 0.5, freeUnits: 5, unit: "GB ingested" },
  snsHttpNotifications: { perUnit: 0.6 / 1e6, freeUnits: 100_000, unit: "notifications" },
  snsApiRequests: { perUnit: 0.5 / 1e6, freeUnits: 1_000_000, unit: "requests" },
};

/** Ratio of ours to the representative month a line must stay within. */
export const TARGET_RATIO = 0.1;

export interface CostLine {
  readonly line: UsageLine;
  readonly unit: string;
  readonly quantity: number;
  /** What the quantity is made of, per month (documented counts, summed into `quantity`). */
  readonly components: Readonly<Record<string, number>>;
  readonly dollars: number;
  readonly dollarsWithFreeTier: number;
  readonly representative: number;
  readonly representativeDollars: number;
  /** The heartbeat's own part of `quantity` (`HEARTBEAT_OWN`), outside the target. */
  readonly heartbeatOwn: number;
  /** What the target holds for: `quantity` without the heartbeat's own part. */
  readonly counted: number;
  /** counted / representative; the target is ≤ 0.1. */
  readonly ratio: number;
  readonly withinTarget: boolean;
  readonly budgeted: boolean;
  /**
   * The shortest `HeartbeatMinutes` (up to 1440) at which this line meets the target, all else
   * equal; `null` when no heartbeat cadence does. The input itself when the line already passes.
   */
  readonly heartbeatMinutesToPass: number | null;
}

const DAYS = 30;
const HOURS_PER_MONTH = DAYS * 24;
const MINUTES_PER_MONTH = HOURS_PER_MONTH * 60;
const MAX_HEARTBEAT_MINUTES = 1440;

/** Scan jobs per scan: one per (region × service group), plus the account-wide ones. */
export function shardsPerScan(i: CostInputs): number {
  return i.regions * i.serviceGroups + i.globalShards;
}

/** Reports published per scan: the changed ones, and the unchanged ones whose refresh came due. */
export function reportsPerScan(i: CostInputs): number {
  const refreshed = (i.assets * i.scanIntervalHours) / (i.reportRefreshDays * 24);
  return Math.ceil(i.assets * i.changedReportsPerScan + refreshed);
}

/**
 * Events sent to the platform per scan (change-only reporting; signed HTTP, not the topic): the reports, one digest part per shard (more
 * where a shard holds more than a part's assets) and the lifecycle events. Shard checkpoints stay
 * in the agent's log.
 */
export function eventsPerScan(i: CostInputs): number {
  const digests = shardsPerScan(i) + Math.floor(i.assets / i.digestPartAssets);
  return reportsPerScan(i) + digests + i.lifecycleEventsPerScan;
}

/** Events recorded in the agent's log per scan: every assessment, a checkpoint and a digest per shard, the lifecycle. */
export function recordedEventsPerScan(i: CostInputs): number {
  return i.assets + 2 * shardsPerScan(i) + i.lifecycleEventsPerScan;
}

/** Every line's components per month. Counts are per account, times `accounts`. */
export function monthlyBreakdown(i: CostInputs): Record<UsageLine, Record<string, number>> {
  const n = i.accounts;
  const scans = (HOURS_PER_MONTH / i.scanIntervalHours) * n;
  const heartbeats = (MINUTES_PER_MONTH / i.heartbeatMinutes) * n;
  const updateChecks = (HOURS_PER_MONTH / i.updateCheckHours) * n;
  const rescans = i.ec2StateChangesPerMonth * n;
  const commands = i.otherCommandsPerMonth * n;
  const updaterPushes = updateChecks * i.updaterPushesPerCheck;
  const batches = (count: number) => Math.ceil(count / i.jobBatchSize);
  const shards = shardsPerScan(i);
  const agentGb = i.agentMemoryMb / 1024;
  const updaterGb = i.updaterMemoryMb / 1024;

  const lambdaRequests = {
    heartbeats,
    scheduledScans: scans,
    // Scan jobs left when an invocation ends are drained by the next heartbeats: no invocations of their own.
    continuationDrains: 0,
    snsPushedCommands: commands,
    ec2StateChanges: rescans,
    updateChecks,
    snsPushedToUpdater: updaterPushes,
  };
  const invocations = Object.values(lambdaRequests).reduce((a, b) => a + b, 0);
  const events = scans * recordedEventsPerScan(i) + rescans * (1 + i.lifecycleEventsPerScan);

  return {
    sqsRequests: {
      heartbeatGetQueueAttributes: heartbeats,
      scanSendMessageBatch: scans * batches(shards),
      // Full batches, then one receive that finds the queue empty and ends the drain.
      scanReceiveMessage: scans * (batches(shards) + 1),
      scanDeleteMessage: scans * Math.ceil(shards / i.jobsPerDelete),
      // A debounced rescan is one delayed job: sent, then received and deleted by a later heartbeat's drain.
      rescanJobs: rescans * 3,
      idlePolling: 0, // no event-source mapping in the customer's account
    },
    lambdaGbSeconds: {
      scans: scans * (i.scanSeconds + i.drainIdleSeconds) * agentGb,
      heartbeats: heartbeats * i.heartbeatSeconds * agentGb,
      commands: commands * i.commandSeconds * agentGb,
      rescans: rescans * (i.commandSeconds + i.rescanSeconds) * agentGb,
      updater: (updateChecks * i.updateCheckSeconds + updaterPushes * i.commandSeconds) * updaterGb,
    },
    lambdaRequests,
    events: {
      heartbeatRule: heartbeats,
      scanRule: scans,
      updateCheckRule: updateChecks,
      ec2StateChanges: rescans,
      ...(i.resultsOverEventBridge
        ? { resultPutEvents: scans * eventsPerScan(i) + rescans * (1 + i.lifecycleEventsPerScan) }
        : {}),
    },
    logGb: {
      events: (events * i.logBytesPerEvent) / 1e9,
      invocations: (invocations * i.logBytesPerInvocation) / 1e9,
    },
    snsHttpNotifications: { alerts: i.alertsPerMonth * n },
    snsApiRequests: {
      // The topic carries what a subscriber in the account takes (the agent's `goesOnTopic`): the
      // platform's commands and the updater's facts. Scan results (`eventsPerScan`) go to the
      // platform over signed HTTP, not on the topic, which no one in the account reads them from;
      // the agent's own scan requests are not echoed to it. SNS → Lambda deliveries are not billed.
      scanResults: 0,
      platformCommands: commands,
      updaterPublish: updateChecks,
      alertPublish: i.alertsPerMonth * n,
    },
  };
}

export function monthlyUsage(i: CostInputs): Record<UsageLine, number> {
  const breakdown = monthlyBreakdown(i);
  return Object.fromEntries(
    (Object.keys(breakdown) as UsageLine[]).map((line) => [
      line,
      Object.values(breakdown[line]).reduce((a, b) => a + b, 0),
    ]),
  ) as Record<UsageLine, number>;
}

/** A line's heartbeat-own part (outside the target) from its components. */
function heartbeatOwnOf(line: UsageLine, components: Readonly<Record<string, number>>): number {
  return (HEARTBEAT_OWN[line] ?? []).reduce((sum, k) => sum + (components[k] ?? 0), 0);
}

function passes(i: CostInputs, line: UsageLine): boolean {
  const components = monthlyBreakdown(i)[line];
  const counted = Object.values(components).reduce((a, b) => a + b, 0) - heartbeatOwnOf(line, components);
  return counted <= REPRESENTATIVE_MONTH[line] * TARGET_RATIO;
}

/**
 * The shortest heartbeat period (whole minutes, 1-1440) at which `line` meets the target, or
 * `null` when none does (the line is driven by something else, e.g. assets per scan). Usage only
 * falls as the period grows, so the first passing minute is the answer.
 */
export function heartbeatMinutesToPass(i: CostInputs, line: UsageLine): number | null {
  if (passes(i, line)) return i.heartbeatMinutes;
  for (let m = Math.floor(i.heartbeatMinutes) + 1; m <= MAX_HEARTBEAT_MINUTES; m++) {
    if (passes({ ...i, heartbeatMinutes: m }, line)) return m;
  }
  return null;
}

export function costModel(inputs: CostInputs = DEFAULT_COST_INPUTS): CostLine[] {
  const breakdown = monthlyBreakdown(inputs);
  const usage = monthlyUsage(inputs);
  return (Object.keys(REPRESENTATIVE_MONTH) as UsageLine[]).map((line) => {
    const price = US_EAST_1[line];
    const quantity = usage[line];
    const representative = REPRESENTATIVE_MONTH[line];
    const heartbeatOwn = heartbeatOwnOf(line, breakdown[line]);
    const counted = quantity - heartbeatOwn;
    const ratio = counted / representative;
    return {
      line,
      unit: price.unit,
      quantity,
      components: breakdown[line],
      dollars: quantity * price.perUnit,
      dollarsWithFreeTier: Math.max(0, quantity - price.freeUnits) * price.perUnit,
      representative,
      representativeDollars: representative * price.perUnit,
      heartbeatOwn,
      counted,
      ratio,
      withinTarget: ratio <= TARGET_RATIO,
      budgeted: BUDGETED_LINES.includes(line),
      heartbeatMinutesToPass: heartbeatMinutesToPass(inputs, line),
    };
  });
}

export function totalDollars(lines: readonly CostLine[], freeTier: boolean): number {
  return lines.reduce((sum, l) => sum + (freeTier ? l.dollarsWithFreeTier : l.dollars), 0);
}

/**
 * The month's dollars without the free tier (every line, whole: the heartbeat included) against the
 * representative month's (its budgeted lines).
 */
export function totalAgainstRepresentative(lines: readonly CostLine[]): {
  readonly dollars: number;
  readonly representativeDollars: number;
  readonly ratio: number;
  readonly withinTarget: boolean;
} {
  const dollars = totalDollars(lines, false);
  const representativeDollars = lines
    .filter((l) => l.budgeted)
    .reduce((sum, l) => sum + l.representativeDollars, 0);
  const ratio = dollars / representativeDollars;
  return { dollars, representativeDollars, ratio, withinTarget: ratio <= TOTAL_TARGET_RATIO };
}
