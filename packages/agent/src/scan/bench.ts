import { type AwsClients, type CallWrapper, countingCall, createAwsClients } from "../aws/clients.ts";
import { runScan, type ScanTimings } from "./scan.ts";
import { memorySink } from "./sink.ts";

/**
 * The simulated account to scan. The agent never imports testkit, so the caller (the CLI, a
 * test) builds it: `(opts) => { const m = generateAccount(...); const a = createSimulatedAccount(m); ... }`.
 */
export type SimulatedAccountFactory = (options: { regions: number; assets: number; seed: number }) => {
  readonly requestHandler: unknown;
  readonly stats?: () => { totalThrottled: number };
};

export interface BenchScanOptions {
  readonly regions?: number;
  /** Total assets wanted; the factory decides how they spread over regions. */
  readonly assets?: number;
  readonly seed?: number;
  readonly account: SimulatedAccountFactory;
  /** Builds clients over a request handler (default: `createAwsClients` with dummy credentials). */
  readonly clients?: (requestHandler: unknown, call: CallWrapper) => AwsClients;
}

export interface BenchScanResult {
  readonly regions: number;
  readonly assets: number;
  readonly events: number;
  readonly apiCalls: number;
  readonly throttled: number;
  readonly timings: ScanTimings;
  readonly assetsPerSecond: number;
}

/** End-to-end scan of a simulated account (discovery, evaluation, events in memory), timed. */
export async function benchScan(options: BenchScanOptions): Promise<BenchScanResult> {
  const regions = options.regions ?? 17;
  const wanted = options.assets ?? 5000;
  const account = options.account({ regions, assets: wanted, seed: options.seed ?? 1 });
  const { call, stats } = countingCall();
  const clients = options.clients
    ? options.clients(account.requestHandler, call)
    : createAwsClients({
        requestHandler: account.requestHandler,
        credentials: { accessKeyId: "bench", secretAccessKey: "bench" },
        call,
      });
  const sink = memorySink();
  try {
    const result = await runScan({ clients, emit: sink.emit, scanId: "bench" });
    return {
      regions: result.discovery.scannedRegions.length,
      assets: result.assets.length,
      events: sink.events.length,
      apiCalls: stats.total(),
      throttled: account.stats?.().totalThrottled ?? 0,
      timings: result.timings,
      assetsPerSecond: result.assets.length / (result.timings.totalMs / 1000),
    };
  } finally {
    clients.destroy();
  }
}
