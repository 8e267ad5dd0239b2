import type { EventEnvelope, ShardTotals, UncoveredPair } from "@vigil/events";
import { DEFAULT_SHARD_KINDS, kindsFor, planShards, type Shard, type ShardKind } from "./shards.ts";

/** A scan's state as its stream (`scan#<scanId>`) tells it. */
export interface ScanProgress {
  readonly scanId: string | undefined;
  readonly status: "not-started" | "running" | "completed" | "failed";
  readonly regions: readonly string[];
  /** Asset types the scan was narrowed to by its `scan.requested` (`filters.assetTypes`), if any. */
  readonly assetTypes: readonly string[] | undefined;
  /**
   * A scan aimed at some assets only (an instance's rescan, `trigger: "event"`, or a tag filter):
   * it says nothing about the assets it did not look at, so it claims no coverage.
   */
  readonly targeted: boolean;
  readonly startedAt: string | undefined;
  readonly completedShards: ReadonlySet<string>;
  /** Completed shards whose calls failed or were denied (`incomplete`): assets may be missing there. */
  readonly incompleteShards: ReadonlySet<string>;
  /** What each shard could not list, by shard id (its `uncovered`). */
  readonly uncoveredByShard: ReadonlyMap<string, readonly UncoveredPair[]>;
  /** `shardId → asset ARNs` already assessed (a retried shard skips them: exactly once per scan). */
  readonly assessed: ReadonlyMap<string, ReadonlySet<string>>;
  /** Ids of the pause events this scan has already recorded a `scan.resumed` for. */
  readonly resumedFrom: ReadonlySet<string>;
  readonly assetCount: number;
  /** Assessed assets by type and region, for `resource-counts-reported`. */
  readonly counts: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Check results of the assessed assets, for `scan.completed`. */
  readonly results: { pass: number; fail: number; muted: number; error: number };
  readonly failedBySeverity: Readonly<Record<string, number>>;
}

type Envelope = Pick<EventEnvelope, "type" | "data" | "time"> & { causationid?: string | undefined };

/** Folds a scan's events (as stored, or their envelopes) into its progress. Pure. */
export function scanProgress(events: readonly (Envelope | { event: Envelope })[]): ScanProgress {
  let scanId: string | undefined;
  let status: ScanProgress["status"] = "not-started";
  let regions: readonly string[] = [];
  let assetTypes: readonly string[] | undefined;
  let targeted = false;
  let startedAt: string | undefined;
  const completedShards = new Set<string>();
  const incompleteShards = new Set<string>();
  const uncoveredByShard = new Map<string, UncoveredPair[]>();
  const assessed = new Map<string, Set<string>>();
  const resumedFrom = new Set<string>();
  // Per shard: the totals its `shard-completed` carries, else those folded from its assessments
  // (a shard's own stream, or a scan stream written before shards had streams of their own).
  const reported = new Map<string, ShardTotals>();
  const folded = new Map<string, ShardTotals>();
  for (const item of events) {
    const e = "event" in item ? item.event : item;
    const data = e.data as Record<string, unknown>;
    switch (e.type) {
      case "vigil.scan.requested.v1":
        scanId = String(data.scanId);
        if (regions.length === 0 && Array.isArray(data.regions)) regions = data.regions as string[];
        {
          const filters = data.filters as { assetTypes?: unknown; tags?: unknown } | undefined;
          const types = filters?.assetTypes;
          if (Array.isArray(types) && types.length > 0) assetTypes = types as string[];
          const tags = filters?.tags;
          if (data.trigger === "event" || (tags && typeof tags === "object" && Object.keys(tags).length > 0))
            targeted = true;
        }
        break;
      case "vigil.scan.started.v1":
        scanId = String(data.scanId);
        regions = data.regions as string[];
        startedAt = e.time;
        if (status === "not-started") status = "running";
        break;
      case "vigil.scan.asset-assessed.v1": {
        const shard = String(data.shardId ?? "");
        const arn = String((data.asset as { arn?: unknown }).arn);
        let set = assessed.get(shard);
        if (!set) {
          set = new Set();
          assessed.set(shard, set);
        }
        if (!set.has(arn)) {
          let totals = folded.get(shard);
          if (!totals) {
            totals = emptyTotals();
            folded.set(shard, totals);
          }
          addAssessed(totals, data as Parameters<typeof addAssessed>[1]);
        }
        set.add(arn);
        break;
      }
      case "vigil.scan.shard-completed.v1":
        completedShards.add(String(data.shardId));
        if (data.incomplete === true) incompleteShards.add(String(data.shardId));
        if (Array.isArray(data.uncovered) && data.uncovered.length > 0)
          uncoveredByShard.set(String(data.shardId), data.uncovered as UncoveredPair[]);
        if (data.totals !== undefined && !reported.has(String(data.shardId)))
          reported.set(String(data.shardId), data.totals as ShardTotals);
        break;
      case "vigil.scan.resumed.v1":
        if (e.causationid !== undefined) resumedFrom.add(e.causationid);
        break;
      case "vigil.scan.completed.v1":
        status = "completed";
        break;
      case "vigil.scan.failed.v1":
        status = "failed";
        break;
    }
  }
  const sum = emptyTotals();
  for (const shard of new Set([...reported.keys(), ...folded.keys()]))
    addTotals(sum, reported.get(shard) ?? (folded.get(shard) as ShardTotals));
  const { counts, results, failedBySeverity } = sum;
  const assetCount = Object.values(counts)
    .flatMap((byRegion) => Object.values(byRegion))
    .reduce((n, c) => n + c, 0);
  return {
    scanId,
    status,
    regions,
    assetTypes,
    targeted,
    startedAt,
    completedShards,
    incompleteShards,
    uncoveredByShard,
    assessed,
    resumedFrom,
    assetCount,
    counts,
    results,
    failedBySeverity,
  };
}

/**
 * The shards a (re)started scan still has to run: every shard of its regions minus those with a
 * `shard-completed` in its stream. Empty once the scan completed or failed. Pure.
 */
export function planRemainingShards(
  scanEvents: readonly (Envelope | { event: Envelope })[],
  kinds: readonly ShardKind[] = DEFAULT_SHARD_KINDS,
  homeRegion?: string,
): Shard[] {
  const progress = scanProgress(scanEvents);
  if (progress.status === "completed" || progress.status === "failed") return [];
  return planShards(
    progress.regions,
    kindsFor(kinds, progress.assetTypes),
    homeRegion ?? progress.regions[0],
  ).filter((s) => !progress.completedShards.has(s.shardId));
}

export function emptyTotals(): ShardTotals {
  return { counts: {}, results: { pass: 0, fail: 0, muted: 0, error: 0 }, failedBySeverity: {} };
}

/** Adds one assessed asset (as `asset-assessed` carries it) to a shard's totals. */
export function addAssessed(
  totals: ShardTotals,
  assessed: {
    asset: { type: string; region: string };
    results?: readonly { status: keyof ShardTotals["results"]; severity: string }[];
  },
): void {
  const byRegion = totals.counts[assessed.asset.type] ?? {};
  byRegion[assessed.asset.region] = (byRegion[assessed.asset.region] ?? 0) + 1;
  totals.counts[assessed.asset.type] = byRegion;
  const bySeverity = totals.failedBySeverity as Record<string, number>;
  for (const r of assessed.results ?? []) {
    totals.results[r.status]++;
    if (r.status === "fail") bySeverity[r.severity] = (bySeverity[r.severity] ?? 0) + 1;
  }
}

function addTotals(sum: ShardTotals, add: ShardTotals): void {
  for (const [type, byRegion] of Object.entries(add.counts)) {
    const into = sum.counts[type] ?? {};
    for (const [region, n] of Object.entries(byRegion)) into[region] = (into[region] ?? 0) + n;
    sum.counts[type] = into;
  }
  for (const k of ["pass", "fail", "muted", "error"] as const) sum.results[k] += add.results[k];
  const bySeverity = sum.failedBySeverity as Record<string, number>;
  for (const [severity, n] of Object.entries(add.failedBySeverity))
    bySeverity[severity] = (bySeverity[severity] ?? 0) + (n ?? 0);
}
