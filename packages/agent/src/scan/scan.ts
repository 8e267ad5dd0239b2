import {
  createEvent,
  type DataOf,
  deterministicEventId,
  type EventMeta,
  type EventType,
  type ScanCoverage,
  type VigilEvent,
} from "@vigil/events";
import { GLOBAL_REGION } from "../assets/base.ts";
import type { Asset } from "../assets/index.ts";
import type { AwsClients } from "../aws/clients.ts";
import {
  type AssetReport,
  type CheckSelection,
  emptySummary,
  evaluateAsset,
  type Mute,
  planEvaluation,
  type ScanReport,
} from "../checks/index.ts";
import type { Collector } from "../collectors/index.ts";
import {
  type AccountIdentity,
  type Discovery,
  DiscoveryError,
  type DiscoveryProgress,
  discoverAccount,
} from "../discovery/discover.ts";
import type { CallProblem, RawRecorder } from "../discovery/reader.ts";
import { assetRefOf } from "./asset-ref.ts";
import type { EventSink } from "./sink.ts";

export const AGENT_VERSION = "0.1.0";

export interface ScanOptions {
  readonly clients: AwsClients;
  /** Where the scan's events go; default: nowhere (the result still carries the report). */
  readonly emit?: EventSink;
  /** Default: a fresh id. Pass the id of a `scan.requested` event to tie them together. */
  readonly scanId?: string;
  /** Default `local-<account id>`. */
  readonly integrationId?: string;
  readonly regions?: readonly string[];
  readonly selection?: CheckSelection;
  readonly mutes?: readonly Mute[];
  /** Evaluation time: ages and mute expiry are measured against it. Default: now. */
  readonly now?: number | Date | string;
  readonly collectors?: readonly Collector[];
  readonly regionConcurrency?: number;
  /** `asset-assessed` events per `emit` call; default 100. */
  readonly batchSize?: number;
  readonly onProgress?: (progress: DiscoveryProgress) => void;
  readonly recorder?: RawRecorder;
}

export interface ScanTimings {
  readonly discoveryMs: number;
  readonly evaluateMs: number;
  readonly emitMs: number;
  readonly totalMs: number;
}

export interface ScanResult extends ScanReport {
  readonly scanId: string;
  readonly accountId: string;
  readonly partition: string;
  readonly discovery: Omit<Discovery, "assets">;
  readonly assets: readonly Asset[];
  readonly checkCount: number;
  readonly eventCount: number;
  readonly timings: ScanTimings;
}

const MAX_EVIDENCE = 1024;

/** The report for one asset as it leaves the account: identity and check results, never configuration. */
export function assessedData(
  scanId: string,
  report: AssetReport,
  assessedAt: string,
  partition: string,
): DataOf<"vigil.scan.asset-assessed.v1"> {
  return {
    scanId,
    assessedAt,
    asset: assetRefOf(report.asset, partition),
    results: report.results.map((r) => {
      const result: DataOf<"vigil.scan.asset-assessed.v1">["results"][number] = {
        checkId: r.checkId,
        status: r.status,
        severity: r.severity,
        title: r.title.slice(0, 512),
      };
      if (r.evidence !== undefined) result.evidence = r.evidence.slice(0, MAX_EVIDENCE);
      if (r.muteId !== undefined) result.muteId = r.muteId.slice(0, 256);
      return result;
    }),
  };
}

/**
 * One scan: discover the account, assess every asset, and emit the facts in order:
 * started → region-discovered × regions → asset-assessed × assets → resource-counts-reported →
 * completed (or failed). Event ids derive from the scan id and position, so a retried scan with
 * the same id emits the same ids and consumers deduplicate.
 */
export async function runScan(options: ScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const scanId =
    options.scanId ?? `scan-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const plan = planEvaluation({
    now: options.now ?? Date.now(),
    ...(options.selection !== undefined ? { selection: options.selection } : {}),
    ...(options.mutes !== undefined ? { mutes: options.mutes } : {}),
  });
  const emitFn = options.emit;
  let sequence = 0;
  let eventCount = 0;
  let emitMs = 0;
  let account: AccountIdentity | undefined;
  const meta = (type: string, subject?: string): EventMeta => {
    const accountId = account?.accountId ?? "000000000000";
    const m: EventMeta = {
      id: deterministicEventId(`scan#${scanId}`, ++sequence, type),
      source: `urn:vigil:agent:${accountId}`,
      integrationId: options.integrationId ?? `local-${accountId}`,
      correlationId: scanId,
      time: new Date(),
    };
    if (subject !== undefined) m.subject = subject;
    return m;
  };
  const make = <T extends EventType>(type: T, data: DataOf<T>, subject?: string): VigilEvent =>
    createEvent(type, data, meta(type, subject)) as VigilEvent;
  const send = async (events: VigilEvent[]) => {
    if (events.length === 0) return;
    eventCount += events.length;
    if (!emitFn) return;
    const t = performance.now();
    await emitFn(events);
    emitMs += performance.now() - t;
  };

  let discovery: Discovery;
  try {
    discovery = await discoverAccount({
      clients: options.clients,
      ...(options.regions !== undefined ? { regions: options.regions } : {}),
      ...(options.collectors !== undefined ? { collectors: options.collectors } : {}),
      ...(options.regionConcurrency !== undefined ? { regionConcurrency: options.regionConcurrency } : {}),
      ...(options.onProgress !== undefined ? { onProgress: options.onProgress } : {}),
      ...(options.recorder !== undefined ? { recorder: options.recorder } : {}),
      beforeCollect: async (identity) => {
        account = identity;
        const events: VigilEvent[] = [
          make("vigil.scan.started.v1", {
            scanId,
            regions: [...identity.scannedRegions],
            checkCount: plan.checks.length,
            agentVersion: AGENT_VERSION,
          }),
        ];
        for (const region of identity.scannedRegions) {
          events.push(
            make("vigil.scan.region-discovered.v1", {
              scanId,
              region,
              status: "enabled",
              shardCount: identity.shardsPerRegion[region] ?? 0,
            }),
          );
        }
        // Opted-out regions are recorded so their empty result is not read as "clean".
        for (const r of identity.regions) {
          if (r.status !== "opted-out") continue;
          events.push(
            make("vigil.scan.region-discovered.v1", {
              scanId,
              region: r.region,
              status: "opted-out",
              shardCount: 0,
            }),
          );
        }
        await send(events);
      },
    });
  } catch (error) {
    const code = error instanceof DiscoveryError ? error.code : "ScanFailed";
    const message = error instanceof Error ? error.message : String(error);
    await send([
      make("vigil.scan.failed.v1", {
        scanId,
        error: { code, message: message.slice(0, 2000), retryable: !(error instanceof DiscoveryError) },
        completedShards: 0,
        failedShards: [],
      }),
    ]);
    throw error;
  }

  const evaluateStarted = performance.now();
  const summary = emptySummary();
  const reports = discovery.assets.map((asset) => evaluateAsset(plan, asset, summary));
  const evaluateMs = performance.now() - evaluateStarted;

  const assessedAt = new Date().toISOString();
  const batchSize = options.batchSize ?? 100;
  for (let i = 0; i < reports.length; i += batchSize) {
    await send(
      reports
        .slice(i, i + batchSize)
        .map((report) =>
          make(
            "vigil.scan.asset-assessed.v1",
            assessedData(scanId, report, assessedAt, discovery.partition),
            report.asset.arn,
          ),
        ),
    );
  }

  const counts: Record<string, Record<string, number>> = {};
  for (const a of discovery.assets) {
    const byRegion = counts[a.type] ?? {};
    byRegion[a.region] = (byRegion[a.region] ?? 0) + 1;
    counts[a.type] = byRegion;
  }
  const totalMs = performance.now() - started;
  await send([
    make("vigil.counts.resource-counts-reported.v1", { scanId, counts, total: discovery.assets.length }),
    make("vigil.scan.completed.v1", {
      scanId,
      assetCount: discovery.assets.length,
      results: { pass: summary.pass, fail: summary.fail, muted: summary.muted, error: summary.error },
      failedBySeverity: { ...summary.failBySeverity },
      durationMs: totalMs,
      ...(options.collectors === undefined ? coverageOf(discovery) : {}),
    }),
  ]);

  const { assets, ...rest } = discovery;
  return {
    scanId,
    accountId: discovery.accountId,
    partition: discovery.partition,
    discovery: rest,
    assets,
    reports,
    summary,
    checkCount: plan.checks.length,
    eventCount,
    timings: { discoveryMs: discovery.durationMs, evaluateMs, emitMs, totalMs: performance.now() - started },
  };
}

/**
 * The regions this scan saw in full (see `scanCoverageSchema`): every scanned region and `global`,
 * minus those where a call failed or was denied (a snapshot path starts with its region).
 */
function coverageOf(discovery: {
  readonly scannedRegions: readonly string[];
  readonly deniedCalls: readonly CallProblem[];
  readonly failedCalls: readonly CallProblem[];
}): { coverage?: ScanCoverage } {
  const uncovered = new Set(
    [...discovery.deniedCalls, ...discovery.failedCalls].map((p) => p.path.split("/")[0] ?? ""),
  );
  const regions = [...discovery.scannedRegions, GLOBAL_REGION].filter((r) => !uncovered.has(r));
  return regions.length > 0 ? { coverage: { regions } } : {};
}
