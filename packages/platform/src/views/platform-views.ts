import {
  type AssetRef,
  type CheckResult,
  type EventStore,
  parseEvent,
  type ResourceCounts,
  type Severity,
  type VigilEvent,
} from "@vigil/events";

/** What the API and dashboard serve, kept current by applying the log in order (see `refresh`). */

export type IntegrationStatus = "registering" | "active" | "deleting" | "deleted";

export interface IntegrationView {
  integrationId: string;
  accountId: string;
  homeRegion: string;
  deployment: string;
  status: IntegrationStatus;
  createdAt: string;
  lastHeartbeat?: { at: string; agentVersion: string; enabledRegions: string[] };
  lastScan?: { scanId: string; status: "running" | "completed" | "failed" | "paused"; at: string };
}

export interface AssetReportView {
  integrationId: string;
  asset: AssetRef;
  scanId: string;
  assessedAt: string;
  results: CheckResult[];
}

export interface CountsView {
  integrationId: string;
  scanId?: string;
  reportedAt: string;
  counts: ResourceCounts;
  total: number;
}

export interface AlertView {
  integrationId: string;
  eventId: string;
  at: string;
  component: string;
  severity: Severity;
  message: string;
  version?: string;
}

export interface TimelineEntry {
  id: string;
  type: string;
  time: string;
  summary: string;
}

export interface PlatformViews {
  /** Apply every event appended since the last refresh. */
  refresh(): Promise<void>;
  integrations(): IntegrationView[];
  integration(id: string): IntegrationView | undefined;
  assets(integrationId: string): AssetReportView[];
  counts(integrationId: string): CountsView | undefined;
  alerts(integrationId?: string): AlertView[];
  timeline(integrationId: string): TimelineEntry[];
}

const TIMELINE_LIMIT = 500;

export function createPlatformViews(store: EventStore): PlatformViews {
  // Base facts per integration; heartbeat and scan facts are kept apart so that an event read
  // before its integration's registration (cross-stream order within one instant) is not lost.
  const integrations = new Map<string, IntegrationView>();
  const heartbeats = new Map<string, NonNullable<IntegrationView["lastHeartbeat"]>>();
  const lastScans = new Map<string, NonNullable<IntegrationView["lastScan"]>>();
  const assets = new Map<string, Map<string, AssetReportView>>();
  const counts = new Map<string, CountsView>();
  const alerts: AlertView[] = [];
  const timelines = new Map<string, TimelineEntry[]>();
  const applied = new Set<string>();
  let checkpoint: string | undefined;
  let refreshing: Promise<void> | undefined;

  function apply(event: VigilEvent): void {
    // At-least-once delivery and overlapping reads: an event id is applied once.
    const key = `${event.source}\u0000${event.id}`;
    if (applied.has(key)) return;
    applied.add(key);
    const id = event.integrationid;
    const timeline = timelines.get(id) ?? [];
    timeline.push({ id: event.id, type: event.type, time: event.time, summary: summarize(event) });
    if (timeline.length > TIMELINE_LIMIT) timeline.shift();
    timelines.set(id, timeline);
    const view = integrations.get(id);
    switch (event.type) {
      case "vigil.integration.registration-requested.v1":
        if (!view) {
          integrations.set(id, {
            integrationId: id,
            accountId: event.data.accountId,
            homeRegion: event.data.homeRegion,
            deployment: event.data.deployment,
            status: "registering",
            createdAt: event.time,
          });
        }
        break;
      case "vigil.integration.credentials-issued.v1":
        if (view?.status === "registering") view.status = "active";
        break;
      case "vigil.integration.delete-requested.v1":
        if (view && view.status !== "deleted") view.status = "deleting";
        break;
      case "vigil.integration.deleted.v1":
        if (view) view.status = "deleted";
        break;
      case "vigil.integration.heartbeat.v2":
        if (isLatest(heartbeats.get(id)?.at, event.time)) {
          heartbeats.set(id, {
            at: event.time,
            agentVersion: event.data.components.agent,
            enabledRegions: event.data.enabledRegions,
          });
        }
        if (event.data.lastScan && isLatest(lastScans.get(id)?.at, event.time)) {
          lastScans.set(id, { ...event.data.lastScan, at: event.time });
        }
        break;
      case "vigil.scan.started.v1":
      case "vigil.scan.completed.v1":
      case "vigil.scan.failed.v1":
        if (isLatest(lastScans.get(id)?.at, event.time)) {
          const status =
            event.type === "vigil.scan.started.v1"
              ? "running"
              : event.type === "vigil.scan.completed.v1"
                ? "completed"
                : "failed";
          lastScans.set(id, { scanId: event.data.scanId, status, at: event.time });
        }
        break;
      case "vigil.scan.asset-assessed.v1": {
        const byArn = assets.get(id) ?? new Map<string, AssetReportView>();
        const previous = byArn.get(event.data.asset.arn);
        // Latest by assessment time, so a late-delivered older report never replaces a newer one.
        if (!previous || Date.parse(previous.assessedAt) <= Date.parse(event.data.assessedAt)) {
          byArn.set(event.data.asset.arn, {
            integrationId: id,
            asset: event.data.asset,
            scanId: event.data.scanId,
            assessedAt: event.data.assessedAt,
            results: event.data.results,
          });
        }
        assets.set(id, byArn);
        break;
      }
      case "vigil.counts.resource-counts-reported.v1": {
        const previous = counts.get(id);
        if (!previous || Date.parse(previous.reportedAt) <= Date.parse(event.time)) {
          counts.set(id, {
            integrationId: id,
            ...(event.data.scanId === undefined ? {} : { scanId: event.data.scanId }),
            reportedAt: event.time,
            counts: event.data.counts,
            total: event.data.total,
          });
        }
        break;
      }
      case "vigil.update.alert-raised.v1":
        alerts.push({
          integrationId: id,
          eventId: event.id,
          at: event.time,
          component: event.data.component,
          severity: event.data.severity,
          message: event.data.message,
          ...(event.data.version === undefined ? {} : { version: event.data.version }),
        });
        break;
      default:
        break;
    }
  }

  function compose(id: string): IntegrationView | undefined {
    const base = integrations.get(id);
    if (!base) return undefined;
    const heartbeat = heartbeats.get(id);
    const scan = lastScans.get(id);
    return {
      ...base,
      ...(heartbeat ? { lastHeartbeat: heartbeat } : {}),
      ...(scan ? { lastScan: scan } : {}),
    };
  }

  async function pull(): Promise<void> {
    for (;;) {
      const page = await store.readAll({ since: checkpoint });
      for (const recorded of page.events) {
        const parsed = parseEvent(recorded.event);
        if (parsed.ok) apply(parsed.event);
      }
      checkpoint = page.position;
      if (!page.more) return;
    }
  }

  return {
    refresh() {
      // Concurrent requests share one catch-up instead of re-reading the same page.
      refreshing ??= pull().finally(() => {
        refreshing = undefined;
      });
      return refreshing;
    },
    integrations: () =>
      [...integrations.keys()]
        .map((id) => compose(id) as IntegrationView)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    integration: compose,
    assets: (id) =>
      [...(assets.get(id)?.values() ?? [])].sort((a, b) => a.asset.arn.localeCompare(b.asset.arn)),
    counts: (id) => counts.get(id),
    alerts: (id) => (id === undefined ? [...alerts] : alerts.filter((a) => a.integrationId === id)),
    timeline: (id) => [...(timelines.get(id) ?? [])],
  };
}

function isLatest(previous: string | undefined, candidate: string): boolean {
  return previous === undefined || Date.parse(previous) <= Date.parse(candidate);
}

function summarize(event: VigilEvent): string {
  switch (event.type) {
    case "vigil.integration.registration-requested.v1":
      return `registration token issued for account ${event.data.accountId}`;
    case "vigil.integration.credentials-issued.v1":
      return `service credentials issued (${event.data.parameterName})`;
    case "vigil.integration.heartbeat.v2":
      return `heartbeat from agent ${event.data.components.agent}`;
    case "vigil.scan.asset-assessed.v1": {
      const failed = event.data.results.filter((r) => r.status === "fail").length;
      return `${event.data.asset.arn}: ${failed} failed of ${event.data.results.length} checks`;
    }
    case "vigil.counts.resource-counts-reported.v1":
      return `${event.data.total} resources counted`;
    case "vigil.update.alert-raised.v1":
      return `${event.data.severity} alert from ${event.data.component}: ${event.data.message}`;
    default:
      return "data" in event && typeof event.data === "object" && event.data && "scanId" in event.data
        ? `scan ${String((event.data as { scanId: unknown }).scanId)}`
        : "";
  }
}
