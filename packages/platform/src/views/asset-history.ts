import type { Projection, VigilEvent } from "@vigil/events";
import { frameworkCounts } from "../dashboard/posture.ts";

/** One assessment of an asset, as its page lists it. */
export interface AssetHistoryEntry {
  eventId: string;
  scanId: string;
  assessedAt: string;
  pass: number;
  fail: number;
  /** Checks that could not be assessed (status `error`). */
  notAssessed: number;
  muted: number;
  /** Check ids that failed in this assessment. */
  failed: string[];
  /** Passed and failed results per framework the results map to (`cis-aws-5.0`, `aws-fsbp`). */
  frameworks?: Record<string, { pass: number; fail: number }>;
}

export interface AssetHistoryView {
  integrationId: string;
  arn: string;
  /** Newest first, at most `ASSET_HISTORY_LIMIT`. */
  entries: AssetHistoryEntry[];
}

export const ASSET_HISTORY_LIMIT = 50;

/**
 * The platform's own projection: each asset's assessments over time, from the log (every
 * `asset-assessed` of the asset), so its page shows what changed from scan to scan. Order-tolerant
 * and idempotent: entries are kept sorted by time and one per event id, whatever the delivery order.
 */
export const assetHistoryProjection: Projection<AssetHistoryView> = {
  name: "asset-history",
  handles: ["vigil.scan.asset-assessed.v1"],
  keyOf: (event) =>
    event.type === "vigil.scan.asset-assessed.v1"
      ? `${event.integrationid}/${event.data.asset.arn}`
      : undefined,
  initial: (_key, event) => ({
    integrationId: event.integrationid,
    arn: event.type === "vigil.scan.asset-assessed.v1" ? event.data.asset.arn : "",
    entries: [],
  }),
  evolve(state, event: VigilEvent) {
    if (event.type !== "vigil.scan.asset-assessed.v1") return state;
    if (state.entries.some((e) => e.eventId === event.id)) return state;
    const count = (s: string) => event.data.results.filter((r) => r.status === s).length;
    const entry: AssetHistoryEntry = {
      eventId: event.id,
      scanId: event.data.scanId,
      assessedAt: event.data.assessedAt,
      pass: count("pass"),
      fail: count("fail"),
      notAssessed: count("error"),
      muted: count("muted"),
      failed: event.data.results.filter((r) => r.status === "fail").map((r) => r.checkId),
    };
    const frameworks = frameworkCounts(event.data.results);
    if (Object.keys(frameworks).length > 0) entry.frameworks = frameworks;
    const entries = [...state.entries, entry]
      .sort((a, b) => b.assessedAt.localeCompare(a.assessedAt) || a.eventId.localeCompare(b.eventId))
      .slice(0, ASSET_HISTORY_LIMIT);
    return { ...state, entries };
  },
};
