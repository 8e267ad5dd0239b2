import type { EventEnvelope } from "@vigil/events";
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
  const counts: Record<string, Record<string, number>> = {};
  let startedAt: string | undefined;
  const completedShards = new Set<string>();
  const incompleteShards = new Set<string>();
  const assessed = new Map<string, Set<string>>();
  const resumedFrom = new Set<string>();
  let assetCount = 0;
  const results = { pass: 0, fail: 0, muted: 0, error: 0 };
  const failedBySeverity: Record<string, number> = {};
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
          assetCount++;
          const asset = data.asset as { type?: unknown; region?: unknown };
          const byRegion = counts[String(asset.type)] ?? {};
          byRegion[String(asset.region)] = (byRegion[String(asset.region)] ?? 0) + 1;
          counts[String(asset.type)] = byRegion;
          for (const r of (data.results ?? []) as { status: keyof typeof results; severity: string }[]) {
            results[r.status]++;
            if (r.status === "fail") failedBySeverity[r.severity] = (failedBySeverity[r.severity] ?? 0) + 1;
          }
        }
        set.add(arn);
        break;
      }
      case "vigil.scan.shard-completed.v1":
        completedShards.add(String(data.shardId));
        if (data.incomplete === true) incompleteShards.add(String(data.shardId));
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
  return {
    scanId,
    status,
    regions,
    assetTypes,
    targeted,
    startedAt,
    completedShards,
    incompleteShards,
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
