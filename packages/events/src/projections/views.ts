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

/** One lifecycle fact: the status an event of the integration's lifecycle stands for, and when. */
export interface LifecycleMark {
  status: IntegrationStatus;
  at: string;
  eventId: string;
  /**
   * The fact ends the installation without deleting the integration (a revoked credential): what
   * came before it no longer counts, and the integration waits for a new registration.
   */
  closes?: true;
}

export interface IntegrationStatusView {
  integrationId: string;
  accountId: string | undefined;
  homeRegion: string | undefined;
  deployment: "single-account" | "organization" | undefined;
  /** A member account of an organization integration: that integration's id. */
  organizationIntegrationId?: string;
  /** The latest credential the platform issued (its key id), and when. */
  credential?: { id: string; issuedAt: string };
  /** Time of the first registration: when the integration was created. */
  createdAt: string | undefined;
  status: IntegrationStatus;
  /** When the integration entered its current status (earliest event of that status seen). */
  statusChangedAt: string | undefined;
  /** Lifecycle facts (heartbeats excepted), ordered by time; the status is derived from them. */
  lifecycle: LifecycleMark[];
  lastHeartbeatAt: string | undefined;
  components: { agent: string; updater?: string } | undefined;
  enabledRegions: string[];
  lastScan:
    | { scanId: string; status: "requested" | "running" | "paused" | "completed" | "failed"; at: string }
    | undefined;
  /**
   * When the latest completed scan that looked at a region in full started, by `coverageKey`
   * (`<region>` for every asset type, `<region>|<asset type>` for a scan narrowed to types). A
   * report there assessed before that time is of an asset that scan no longer found. Absent in
   * views stored before it existed.
   */
  coveredAt?: Record<string, string>;
  /**
   * When a completed scan that covered a region could not list one asset type there, by
   * `coverageKey(region, type)`: that scan's start. Its region-wide coverage does not count for
   * that type, so a failed listing never makes an asset look gone.
   */
  excludedAt?: Record<string, string>;
}

/** Key of `coveredAt`: a region (every type), or a region and one asset type. */
export function coverageKey(region: string, assetType?: string): string {
  return assetType === undefined ? region : `${region}|${assetType}`;
}

/**
 * When an asset whose latest report is `report` was last looked for and not found: the start of
 * the latest completed scan covering its region (and type) when the report is older than it;
 * undefined while the asset is current.
 */
export function assetGoneSince(
  view: Pick<IntegrationStatusView, "coveredAt" | "excludedAt"> | undefined,
  report: { asset: { region: string; type: string }; assessedAt: string; lastSeenAt?: string | undefined },
): string | undefined {
  const covered = view?.coveredAt;
  if (!covered) return undefined;
  const regionWide = covered[coverageKey(report.asset.region)];
  const excluded = view?.excludedAt?.[coverageKey(report.asset.region, report.asset.type)];
  // ISO timestamps: the later one sorts last.
  const since = [
    // The scan that covered the region did not list this type there: its coverage says nothing.
    regionWide !== undefined && (excluded === undefined || excluded < regionWide) ? regionWide : undefined,
    covered[coverageKey(report.asset.region, report.asset.type)],
  ]
    .filter((t): t is string => t !== undefined)
    .sort()
    .at(-1);
  // A report within a minute before the scan's start counts as seen by it: the scan's start and the
  // assessment may come from two Lambda instances whose clocks differ a little.
  // Seen by a later scan without a new report (change-only reporting) counts as seen then.
  const seen =
    report.lastSeenAt !== undefined && report.lastSeenAt > report.assessedAt
      ? report.lastSeenAt
      : report.assessedAt;
  return since !== undefined && Date.parse(seen) < Date.parse(since) - CLOCK_SKEW_MS ? since : undefined;
}

/** Clock difference tolerated between the instances that start a scan and assess its assets. */
export const CLOCK_SKEW_MS = 60_000;

/** `coveredAt` after a completed scan: the later start per key wins, so any delivery order agrees. */
function withCoverage(
  coveredAt: Record<string, string> | undefined,
  event: EventOf<"vigil.scan.completed.v1">,
): Record<string, string> | undefined {
  const coverage = event.data.coverage;
  if (!coverage) return coveredAt;
  const startedAt = new Date(Date.parse(event.time) - event.data.durationMs).toISOString();
  const next = { ...(coveredAt ?? {}) };
  const excluded = new Set((coverage.excluded ?? []).map((e) => `${e.region}|${e.assetType}`));
  for (const region of coverage.regions) {
    for (const type of coverage.assetTypes ?? [undefined]) {
      // A type the scan could not list there is not covered by it.
      if (type !== undefined && (excluded.has(`${region}|${type}`) || excluded.has(`*|${type}`))) continue;
      const key = coverageKey(region, type);
      const current = next[key];
      if (current === undefined || startedAt > current) next[key] = startedAt;
    }
  }
  return next;
}

/** `excludedAt` after a completed scan: its start for every (region, type) it could not list. */
function withExclusions(
  excludedAt: Record<string, string> | undefined,
  event: EventOf<"vigil.scan.completed.v1">,
): Record<string, string> | undefined {
  const coverage = event.data.coverage;
  if (!coverage?.excluded?.length) return excludedAt;
  const startedAt = new Date(Date.parse(event.time) - event.data.durationMs).toISOString();
  const next = { ...(excludedAt ?? {}) };
  for (const { region, assetType } of coverage.excluded) {
    for (const r of region === "*" ? coverage.regions : [region]) {
      const key = coverageKey(r, assetType);
      const current = next[key];
      if (current === undefined || startedAt > current) next[key] = startedAt;
    }
  }
  return next;
}

const lifecycle: Partial<Record<EventType, IntegrationStatus>> = {
  "vigil.integration.registration-requested.v1": "registering",
  // A member account's enrollment opens an installation as a registration does.
  "vigil.organization.account-enrolled.v1": "registering",
  "vigil.integration.credentials-issued.v1": "active",
  "vigil.integration.credentials-revoked.v1": "registering",
  "vigil.integration.stack-created.v1": "active",
  "vigil.integration.stack-updated.v1": "active",
  "vigil.integration.heartbeat.v2": "active",
  "vigil.integration.delete-requested.v1": "deleting",
  "vigil.integration.resources-cleaned-up.v1": "deleting",
  "vigil.integration.deleted.v1": "deleted",
};

/** Lifecycle marks kept per integration (registrations are rare: this is years of re-installs). */
const MAX_LIFECYCLE_MARKS = 200;

const markOrder = (a: LifecycleMark, b: LifecycleMark): number =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;

/**
 * `marks` (ordered by time, then event id) with `mark` in its place, the oldest beyond
 * MAX_LIFECYCLE_MARKS dropped; the same array when the event is already there. Marks mostly arrive
 * in order, so the place is found from the end.
 */
function withMark(marks: readonly LifecycleMark[], mark: LifecycleMark): LifecycleMark[] {
  if (marks.some((m) => m.eventId === mark.eventId)) return marks as LifecycleMark[];
  let at = marks.length;
  while (at > 0 && markOrder(marks[at - 1] as LifecycleMark, mark) > 0) at--;
  const next = [...marks.slice(0, at), mark, ...marks.slice(at)];
  return next.length > MAX_LIFECYCLE_MARKS ? next.slice(-MAX_LIFECYCLE_MARKS) : next;
}

/**
 * The status the marks stand for, independent of the order they arrived in. Within one
 * installation the status only moves forward (the highest rank wins); a deletion — or a revoked
 * credential (`closes`) — closes the installation, and only facts after the latest close (a new
 * token, its exchange, a new stack) open the next one — so a recreated stack makes a deleted
 * integration active again while its history stays in the log, and an integration whose key was
 * revoked waits for a new registration.
 */
export function integrationStatusOf(
  marks: readonly LifecycleMark[],
  lastHeartbeatAt?: string,
): { status: IntegrationStatus; since: string | undefined } {
  // Folded in place (this runs for every lifecycle event a view sees): the latest close first,
  // then the highest-ranked status after it and the earliest time it was reached.
  let closed: LifecycleMark | undefined;
  for (const m of marks)
    if (
      (m.status === "deleted" || m.closes) &&
      // Two closes at one instant: the deletion wins, whatever order the marks are in.
      (closed === undefined ||
        m.at > closed.at ||
        (m.at === closed.at && RANK[m.status] > RANK[closed.status]))
    )
      closed = m;
  const closedAt = closed?.at;
  let status: IntegrationStatus | undefined;
  let since: string | undefined;
  const consider = (markStatus: IntegrationStatus, at: string) => {
    if (closedAt !== undefined && !(at > closedAt)) return;
    if (status === undefined || RANK[markStatus] > RANK[status]) {
      status = markStatus;
      since = at;
    } else if (markStatus === status && since !== undefined && at < since) since = at;
  };
  for (const m of marks) consider(m.status, m.at);
  if (lastHeartbeatAt !== undefined) consider("active", lastHeartbeatAt);
  if (status === undefined) {
    return closed === undefined
      ? { status: "registering", since: undefined }
      : { status: closed.status, since: closed.at };
  }
  return { status, since };
}

/** Lifecycle facts that close the installation without deleting the integration. */
const CLOSES_INSTALLATION: ReadonlySet<EventType> = new Set(["vigil.integration.credentials-revoked.v1"]);

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
    homeRegion: undefined,
    deployment: undefined,
    createdAt: undefined,
    status: "registering",
    statusChangedAt: undefined,
    lifecycle: [],
    lastHeartbeatAt: undefined,
    components: undefined,
    enabledRegions: [],
    lastScan: undefined,
  }),
  evolve(state, event) {
    const next = { ...state };
    const data = event.data as { accountId?: string };
    if (data.accountId) next.accountId = data.accountId;
    if (
      event.type === "vigil.integration.registration-requested.v1" &&
      (state.createdAt === undefined || event.time < state.createdAt)
    ) {
      // The first registration says where and how the integration was installed.
      next.createdAt = event.time;
      next.homeRegion = event.data.homeRegion;
      next.deployment = event.data.deployment;
    }
    if (
      event.type === "vigil.integration.credentials-issued.v1" &&
      !(state.credential && state.credential.issuedAt >= event.data.issuedAt)
    ) {
      next.credential = { id: event.data.credentialId, issuedAt: event.data.issuedAt };
    }
    if (
      event.type === "vigil.organization.account-enrolled.v1" &&
      (state.createdAt === undefined || event.time < state.createdAt)
    ) {
      next.createdAt = event.time;
      next.homeRegion = event.data.homeRegion;
      next.deployment = "organization";
      next.organizationIntegrationId = event.data.organizationIntegrationId;
    }
    const status = lifecycle[event.type];
    if (status && event.type !== "vigil.integration.heartbeat.v2") {
      next.lifecycle = withMark(state.lifecycle, {
        status,
        at: event.time,
        eventId: event.id,
        ...(CLOSES_INSTALLATION.has(event.type) ? { closes: true as const } : {}),
      });
    }
    if (
      event.type === "vigil.integration.heartbeat.v2" &&
      !(state.lastHeartbeatAt && state.lastHeartbeatAt >= event.time)
    ) {
      next.lastHeartbeatAt = event.time;
      next.components = event.data.components;
      next.enabledRegions = event.data.enabledRegions;
    }
    const derived = integrationStatusOf(next.lifecycle, next.lastHeartbeatAt);
    next.status = derived.status;
    next.statusChangedAt = derived.since;
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
    if (event.type === "vigil.scan.completed.v1") {
      const coveredAt = withCoverage(state.coveredAt, event);
      if (coveredAt) next.coveredAt = coveredAt;
      const excludedAt = withExclusions(state.excludedAt, event);
      if (excludedAt) next.excludedAt = excludedAt;
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
  /** The latest scan that saw the asset unchanged (a `shard-digest` listed it, not reported again). */
  lastSeenAt?: string;
  lastSeenScanId?: string;
}

/** Key of an asset's report: per integration, so one integration's assets list by key prefix. */
export function assetReportKey(integrationId: string, arn: string): string {
  return `${integrationId}/${arn}`;
}

/**
 * Latest report per asset: keyed by integration and ARN; a later assessment replaces an earlier
 * one. A shard's digest marks the assets it saw unchanged as seen by its scan.
 */
export const assetReportProjection: Projection<AssetReportView | undefined> = {
  name: "asset-report",
  handles: ["vigil.scan.asset-assessed.v1", "vigil.scan.shard-digest.v1"],
  keyOf: (event) =>
    event.type === "vigil.scan.asset-assessed.v1"
      ? assetReportKey(event.integrationid, event.data.asset.arn)
      : event.type === "vigil.scan.shard-digest.v1"
        ? event.data.assets.filter((a) => !a.reported).map((a) => assetReportKey(event.integrationid, a.arn))
        : undefined,
  initial: () => undefined,
  evolve(state, event) {
    if (event.type === "vigil.scan.shard-digest.v1") {
      // Seen, unchanged: only an asset the platform has a report of can be marked so.
      if (!state || (state.lastSeenAt !== undefined && state.lastSeenAt >= event.data.seenAt)) return state;
      return { ...state, lastSeenAt: event.data.seenAt, lastSeenScanId: event.data.scanId };
    }
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

export interface AlertView {
  integrationId: string;
  eventId: string;
  at: string;
  component: "agent" | "updater" | "stack";
  severity: Severity;
  message: string;
  version?: string;
}

/** Alerts kept per integration (the latest ones; the log keeps them all). */
export const MAX_ALERTS = 50;

/** Latest alerts per integration, newest first, by event time (so any delivery order agrees). */
export const integrationAlertsProjection: Projection<AlertView[]> = {
  name: "integration-alerts",
  handles: ["vigil.update.alert-raised.v1"],
  keyOf: (event) => event.integrationid,
  initial: () => [],
  evolve(state, event) {
    if (event.type !== "vigil.update.alert-raised.v1") return state;
    const alert: AlertView = {
      integrationId: event.integrationid,
      eventId: event.id,
      at: event.time,
      component: event.data.component,
      severity: event.data.severity,
      message: event.data.message,
      ...(event.data.version === undefined ? {} : { version: event.data.version }),
    };
    return [...state.filter((a) => a.eventId !== event.id), alert]
      .sort((a, b) => (a.at > b.at ? -1 : a.at < b.at ? 1 : a.eventId > b.eventId ? -1 : 1))
      .slice(0, MAX_ALERTS);
  },
};

/** The platform's views, in one list for rebuild and diff. */
export const platformProjections = [
  integrationStatusProjection,
  assetReportProjection,
  resourceCountsProjection,
  integrationAlertsProjection,
] as readonly Projection<unknown>[];
