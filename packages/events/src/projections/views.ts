import type { EventOf, EventType, VigilEvent } from "../contracts/catalogue.ts";
import type { AssetRef, CheckStatus, Severity } from "../contracts/common.ts";
import type { ResourceCounts } from "../contracts/counts.ts";
import type { CheckResult } from "../contracts/scan.ts";
import type { Projection } from "./port.ts";

/**
 * The platform's views. Every `evolve` is order-tolerant ("latest fact by event time wins",
 * lifecycle only moves forward), because the bus delivers at least once and in any order: a
 * view built live from consumed events equals the view rebuilt from the log.
 */

export type IntegrationStatus = "registering" | "active" | "deleting" | "deleted";
const RANK: Record<IntegrationStatus, number> = { registering: 0, active: 1, deleting: 2, deleted: 3 };

export interface IntegrationStatusView {
  integrationId: string;
  accountId: string | undefined;
  status: IntegrationStatus;
  /** When the integration entered its current status (earliest event of that status seen). */
  statusChangedAt: string | undefined;
  lastHeartbeatAt: string | undefined;
  components: { agent: string; updater?: string } | undefined;
  enabledRegions: string[];
  lastScan:
    | { scanId: string; status: "requested" | "running" | "paused" | "completed" | "failed"; at: string }
    | undefined;
}

const lifecycle: Partial<Record<EventType, IntegrationStatus>> = {
  "vigil.integration.registration-requested.v1": "registering",
  "vigil.integration.credentials-issued.v1": "active",
  "vigil.integration.stack-created.v1": "active",
  "vigil.integration.stack-updated.v1": "active",
  "vigil.integration.heartbeat.v2": "active",
  "vigil.integration.delete-requested.v1": "deleting",
  "vigil.integration.resources-cleaned-up.v1": "deleting",
  "vigil.integration.deleted.v1": "deleted",
};

const scanStatus: Partial<Record<EventType, NonNullable<IntegrationStatusView["lastScan"]>["status"]>> = {
  "vigil.scan.requested.v1": "requested",
  "vigil.scan.started.v1": "running",
  "vigil.scan.resumed.v1": "running",
  "vigil.scan.paused-for-rate-limit.v1": "paused",
  "vigil.scan.completed.v1": "completed",
  "vigil.scan.failed.v1": "failed",
};
const SCAN_RANK = { requested: 0, running: 1, paused: 1, completed: 2, failed: 2 } as const;

export const integrationStatusProjection: Projection<IntegrationStatusView> = {
  name: "integration-status",
  handles: [...(Object.keys(lifecycle) as EventType[]), ...(Object.keys(scanStatus) as EventType[])],
  keyOf: (event) => event.integrationid,
  initial: (integrationId) => ({
    integrationId,
    accountId: undefined,
    status: "registering",
    statusChangedAt: undefined,
    lastHeartbeatAt: undefined,
    components: undefined,
    enabledRegions: [],
    lastScan: undefined,
  }),
  evolve(state, event) {
    const next = { ...state };
    const data = event.data as { accountId?: string };
    if (data.accountId) next.accountId = data.accountId;
    const status = lifecycle[event.type];
    // Lifecycle only moves forward, and its time is the earliest event of the status reached:
    // both are independent of delivery order.
    if (status && RANK[status] > RANK[state.status]) {
      next.status = status;
      next.statusChangedAt = event.time;
    } else if (
      status === state.status &&
      (state.statusChangedAt === undefined || event.time < state.statusChangedAt)
    ) {
      next.statusChangedAt = event.time;
    }
    if (
      event.type === "vigil.integration.heartbeat.v2" &&
      !(state.lastHeartbeatAt && state.lastHeartbeatAt >= event.time)
    ) {
      next.lastHeartbeatAt = event.time;
      next.components = event.data.components;
      next.enabledRegions = event.data.enabledRegions;
    }
    const scan = scanStatus[event.type];
    const scanId = (event.data as { scanId?: string }).scanId;
    if (scan && scanId) {
      const last = state.lastScan;
      const newer =
        !last ||
        event.time > last.at ||
        (event.time === last.at &&
          (scanId > last.scanId || (scanId === last.scanId && SCAN_RANK[scan] > SCAN_RANK[last.status])));
      if (newer) next.lastScan = { scanId, status: scan, at: event.time };
    }
    return next;
  },
};

export interface AssetReportView {
  integrationId: string;
  asset: AssetRef;
  scanId: string;
  assessedAt: string;
  eventId: string;
  results: CheckResult[];
  failedBySeverity: Partial<Record<Severity, number>>;
  totals: Record<CheckStatus, number>;
}

/** Latest report per asset: keyed by ARN; a later assessment replaces an earlier one. */
export const assetReportProjection: Projection<AssetReportView | undefined> = {
  name: "asset-report",
  handles: ["vigil.scan.asset-assessed.v1"],
  keyOf: (event) => (event.type === "vigil.scan.asset-assessed.v1" ? event.data.asset.arn : undefined),
  initial: () => undefined,
  evolve(state, event) {
    if (event.type !== "vigil.scan.asset-assessed.v1") return state;
    const e = event as EventOf<"vigil.scan.asset-assessed.v1">;
    const newer =
      !state ||
      e.data.assessedAt > state.assessedAt ||
      (e.data.assessedAt === state.assessedAt && e.id > state.eventId);
    if (!newer) return state;
    const totals = { pass: 0, fail: 0, muted: 0, error: 0 };
    const failedBySeverity: Partial<Record<Severity, number>> = {};
    for (const r of e.data.results) {
      totals[r.status] += 1;
      if (r.status === "fail") failedBySeverity[r.severity] = (failedBySeverity[r.severity] ?? 0) + 1;
    }
    return {
      integrationId: e.integrationid,
      asset: e.data.asset,
      scanId: e.data.scanId,
      assessedAt: e.data.assessedAt,
      eventId: e.id,
      results: e.data.results,
      failedBySeverity,
      totals,
    };
  },
};

export interface ResourceCountsView {
  integrationId: string;
  reportedAt: string;
  eventId: string;
  scanId: string | undefined;
  counts: ResourceCounts;
  total: number;
}

/** Latest resource counts per integration. */
export const resourceCountsProjection: Projection<ResourceCountsView | undefined> = {
  name: "resource-counts",
  handles: ["vigil.counts.resource-counts-reported.v1"],
  keyOf: (event) => event.integrationid,
  initial: () => undefined,
  evolve(state, event: VigilEvent) {
    if (event.type !== "vigil.counts.resource-counts-reported.v1") return state;
    const newer =
      !state ||
      event.time > state.reportedAt ||
      (event.time === state.reportedAt && event.id > state.eventId);
    if (!newer) return state;
    return {
      integrationId: event.integrationid,
      reportedAt: event.time,
      eventId: event.id,
      scanId: event.data.scanId,
      counts: event.data.counts,
      total: event.data.total,
    };
  },
};

/** The platform's views, in one list for rebuild and diff. */
export const platformProjections = [
  integrationStatusProjection,
  assetReportProjection,
  resourceCountsProjection,
] as readonly Projection<unknown>[];
