/**
 * The monthly cost of one integration, from counted API calls and a cadence. Pure: inputs in,
 * requests and dollars per service out, at us-east-1 list prices, with and without the free tier.
 */

export interface CostInputs {
  /** Discovery API calls per full scan of one account (all regions); counted by the agent bench. */
  readonly apiCallsPerScan: number;
  /** Events the agent publishes per scan (asset-assessed, shard, region, lifecycle). */
  readonly eventsPerScan: number;
  /** SQS requests per event delivered to an in-account queue (receive + delete, batched by 10). */
  readonly sqsRequestsPerEvent: number;
  /** Fraction of published events an in-account queue receives (most go to the platform). */
  readonly inAccountEventShare: number;
  /**
   * Long-polling connections that run whether or not there is work: a Lambda SQS event source
   * mapping keeps about five per queue, each a billed ReceiveMessage every 20 s (~130,000 a month).
   * The root template has two (agent, updater), hence the default of 10.
   */
  readonly idlePollers: number;
  readonly scansPerDay: number;
  readonly assets: number;
  readonly regions: number;
  readonly accounts: number;
  /** Agent Lambda memory (GB) and milliseconds of run time per API call and per event. */
  readonly agentMemoryGb: number;
  readonly msPerApiCall: number;
  readonly msPerEvent: number;
  readonly heartbeatMinutes: number;
  readonly heartbeatMs: number;
  readonly logBytesPerEvent: number;
  readonly logBytesPerInvocation: number;
  /** Notifications sent out of the account per scan (results summary to the platform). */
  readonly httpNotificationsPerScan: number;
  /** EC2 state-change events per month that reach the rule. */
  readonly ec2StateChangesPerMonth: number;
}

/** Defaults: the reference cadence (2 scans a day of 1,000 assets in 17 regions, one account). */
export const DEFAULT_COST_INPUTS: CostInputs = {
  apiCallsPerScan: 1_200,
  eventsPerScan: 1_100,
  sqsRequestsPerEvent: 0.2,
  inAccountEventShare: 0.05,
  idlePollers: 10,
  scansPerDay: 2,
  assets: 1_000,
  regions: 17,
  accounts: 1,
  agentMemoryGb: 1,
  msPerApiCall: 15,
  msPerEvent: 1,
  heartbeatMinutes: 10,
  heartbeatMs: 150,
  logBytesPerEvent: 150,
  logBytesPerInvocation: 600,
  httpNotificationsPerScan: 1,
  ec2StateChangesPerMonth: 300,
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

/** us-east-1 list prices (USD) and monthly free tiers. */
export const US_EAST_1: Readonly<Record<UsageLine, { perUnit: number; freeUnits: number; unit: string }>> = {
  sqsRequests: { perUnit: 0.4 / 1e6, freeUnits: 1_000_000, unit: "requests" },
  lambdaGbSeconds: { perUnit: 0.0000133334, freeUnits: 400_000, unit: "GB-s (arm64)" },
  lambdaRequests: { perUnit: 0.2 / 1e6, freeUnits: 1_000_000, unit: "requests" },
  events: { perUnit: 1 / 1e6, freeUnits: 0, unit: "events" },
  logGb: { perUnit: 0.5, freeUnits: 5, unit: "GB ingested" },
  snsHttpNotifications: { perUnit: 0.6 / 1e6, freeUnits: 100_000, unit: "notifications" },
  snsApiRequests: { perUnit: 0.5 / 1e6, freeUnits: 1_000_000, unit: "requests" },
};

export interface CostLine {
  readonly line: UsageLine;
  readonly unit: string;
  readonly quantity: number;
  readonly dollars: number;
  readonly dollarsWithFreeTier: number;
  readonly representative: number;
  readonly representativeDollars: number;
  /** quantity / representative; the target is ≤ 0.1. */
  readonly ratio: number;
  readonly withinTarget: boolean;
}

const DAYS = 30;
const SECONDS_PER_MONTH = DAYS * 24 * 3600;
const LONG_POLL_SECONDS = 20;

export function monthlyUsage(i: CostInputs): Record<UsageLine, number> {
  const scans = i.scansPerDay * DAYS * i.accounts;
  // The inputs are counted for the reference size; scale with assets × regions around it.
  const scale = (i.assets * i.regions) / (DEFAULT_COST_INPUTS.assets * DEFAULT_COST_INPUTS.regions);
  const apiCalls = scans * i.apiCallsPerScan * scale;
  const events = scans * i.eventsPerScan * scale;
  const heartbeats = ((DAYS * 24 * 60) / i.heartbeatMinutes) * i.accounts;
  const updateChecks = DAYS * i.accounts;
  const inAccountEvents = events * i.inAccountEventShare;
  const queueInvocations = Math.ceil(inAccountEvents / 10);
  const invocations =
    scans + heartbeats + updateChecks + queueInvocations + i.ec2StateChangesPerMonth * i.accounts;
  const runSeconds = (apiCalls * i.msPerApiCall + events * i.msPerEvent + heartbeats * i.heartbeatMs) / 1000;
  return {
    sqsRequests:
      inAccountEvents * i.sqsRequestsPerEvent +
      i.idlePollers * (SECONDS_PER_MONTH / LONG_POLL_SECONDS) * i.accounts,
    lambdaGbSeconds: runSeconds * i.agentMemoryGb,
    lambdaRequests: invocations,
    events: scans + heartbeats + updateChecks + i.ec2StateChangesPerMonth * i.accounts,
    logGb: (events * i.logBytesPerEvent + invocations * i.logBytesPerInvocation) / 1e9,
    snsHttpNotifications: scans * i.httpNotificationsPerScan,
    // PublishBatch carries 10 events per call.
    snsApiRequests: Math.ceil(events / 10) + heartbeats,
  };
}

export function costModel(inputs: CostInputs = DEFAULT_COST_INPUTS): CostLine[] {
  const usage = monthlyUsage(inputs);
  return (Object.keys(REPRESENTATIVE_MONTH) as UsageLine[]).map((line) => {
    const price = US_EAST_1[line];
    const quantity = usage[line];
    const representative = REPRESENTATIVE_MONTH[line];
    const ratio = quantity / representative;
    return {
      line,
      unit: price.unit,
      quantity,
      dollars: quantity * price.perUnit,
      dollarsWithFreeTier: Math.max(0, quantity - price.freeUnits) * price.perUnit,
      representative,
      representativeDollars: representative * price.perUnit,
      ratio,
      withinTarget: ratio <= 0.1,
    };
  });
}

export function totalDollars(lines: readonly CostLine[], freeTier: boolean): number {
  return lines.reduce((sum, l) => sum + (freeTier ? l.dollarsWithFreeTier : l.dollars), 0);
}
