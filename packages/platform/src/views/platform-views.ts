import {
  type AlertView,
  type AssetReportView,
  assetGoneSince,
  assetReportKey,
  catchUpProjections,
  type EventStore,
  InMemoryProjectionStore,
  type IntegrationStatus,
  type IntegrationStatusView,
  integrationAlertsProjection,
  integrationStatusProjection,
  type Projection,
  ProjectionConflictError,
  type ProjectionStore,
  platformProjections,
  type ResourceCountsView,
  resourceCountsProjection,
} from "@vigil/events";
import { type AssetHistoryView, assetHistoryProjection } from "./asset-history.ts";
import { type OrganizationView, organizationProjection } from "./organizations.ts";
import { type OsInventoryView, osInventoryProjection } from "./os-inventory.ts";
import { type ScanProgressView, scanProgressProjection } from "./scan-progress.ts";

/**
 * What the API and dashboard serve: the shared projections of `@vigil/events`
 * (`platformProjections`) kept in a `ProjectionStore` (in memory, or DynamoDB so every Lambda
 * instance reads the same views), caught up from the log before a read. Only the API's shape of
 * an integration is defined here.
 */

export type { AlertView, AssetReportView, IntegrationStatus, ResourceCountsView };

/** An integration as the API presents it. */
export interface IntegrationSummary {
  integrationId: string;
  accountId: string | undefined;
  homeRegion: string | undefined;
  deployment: string | undefined;
  /** A member account of an organization integration: that integration. */
  organizationIntegrationId?: string;
  /** The key the platform issued last (its id; the private key never leaves the account). */
  keyId?: string;
  status: IntegrationStatus;
  statusChangedAt: string | undefined;
  createdAt: string | undefined;
  lastHeartbeat?: { at: string; agentVersion: string; updaterVersion?: string; enabledRegions: string[] };
  lastScan?: { scanId: string; status: string; at: string };
}

export function summarizeIntegration(view: IntegrationStatusView): IntegrationSummary {
  return {
    integrationId: view.integrationId,
    accountId: view.accountId,
    homeRegion: view.homeRegion,
    deployment: view.deployment,
    ...(view.organizationIntegrationId ? { organizationIntegrationId: view.organizationIntegrationId } : {}),
    ...(view.credential ? { keyId: view.credential.id } : {}),
    status: view.status,
    statusChangedAt: view.statusChangedAt,
    createdAt: view.createdAt,
    ...(view.lastHeartbeatAt && view.components
      ? {
          lastHeartbeat: {
            at: view.lastHeartbeatAt,
            agentVersion: view.components.agent,
            ...(view.components.updater ? { updaterVersion: view.components.updater } : {}),
            enabledRegions: view.enabledRegions,
          },
        }
      : {}),
    ...(view.lastScan ? { lastScan: view.lastScan } : {}),
  };
}

export interface PlatformViews {
  /** Apply every event appended since the last catch-up (shared by concurrent callers). */
  refresh(): Promise<void>;
  integrations(): Promise<IntegrationSummary[]>;
  integration(id: string): Promise<IntegrationSummary | undefined>;
  /**
   * Latest report per asset of one integration, by ARN: the assets its scans still find. A report
   * older than the latest full scan of its region (and type) is of an asset that scan no longer
   * found; those are in `removedAssets`.
   */
  assets(integrationId: string): Promise<AssetReportView[]>;
  /** Reports of assets the latest full scan of their region no longer found, with when it looked. */
  removedAssets(integrationId: string): Promise<(AssetReportView & { goneSince: string })[]>;
  counts(integrationId: string): Promise<ResourceCountsView | undefined>;
  /** Newest first; across integrations when no id is given. */
  alerts(integrationId?: string): Promise<AlertView[]>;
  /** One asset's assessments over time, newest first (the platform's `asset-history` projection). */
  assetHistory(integrationId: string, arn: string): Promise<AssetHistoryView | undefined>;
  /** Every asset's history of one integration (the posture trend is folded from them). */
  assetHistories(integrationId: string): Promise<AssetHistoryView[]>;
  /** Organization integrations, oldest first. */
  organizations(): Promise<OrganizationView[]>;
  /** One scan's progress (requested, started with its shard count, shards completed, completed). */
  scanProgress(integrationId: string, scanId: string): Promise<ScanProgressView | undefined>;
  /** An instance's OS and packages from its latest EBS scan (`os-inventory`), by its instance-os ARN. */
  osInventory(integrationId: string, arn: string): Promise<OsInventoryView | undefined>;
}

export interface PlatformViewsOptions {
  log: EventStore;
  /** Where the views live; in memory by default (one process). */
  projections?: ProjectionStore;
}

/** Catch-ups retried when another instance updated the same view meanwhile. */
const MAX_CATCH_UP_ATTEMPTS = 5;

export function createPlatformViews(options: PlatformViewsOptions): PlatformViews {
  const { log } = options;
  const store = options.projections ?? new InMemoryProjectionStore();
  let refreshing: Promise<void> | undefined;

  async function catchUp(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await catchUpProjections(
          log,
          [
            ...platformProjections,
            assetHistoryProjection,
            organizationProjection,
            scanProgressProjection,
            osInventoryProjection as Projection<unknown>,
          ],
          store,
        );
        return;
      } catch (error) {
        if (!(error instanceof ProjectionConflictError) || attempt >= MAX_CATCH_UP_ATTEMPTS) throw error;
      }
    }
  }

  async function reportsOf(
    integrationId: string,
  ): Promise<{ report: AssetReportView; goneSince: string | undefined }[]> {
    const status = (await store.load<IntegrationStatusView>(integrationStatusProjection.name, integrationId))
      ?.state;
    const docs = await store.list<AssetReportView | undefined>("asset-report", {
      keyPrefix: assetReportKey(integrationId, ""),
    });
    return docs
      .map((d) => d.state)
      .filter((r): r is AssetReportView => r !== undefined && r.integrationId === integrationId)
      .sort((a, b) => a.asset.arn.localeCompare(b.asset.arn))
      .map((report) => ({ report, goneSince: assetGoneSince(status, report) }));
  }

  return {
    refresh() {
      refreshing ??= catchUp().finally(() => {
        refreshing = undefined;
      });
      return refreshing;
    },
    async integrations() {
      const docs = await store.list<IntegrationStatusView>(integrationStatusProjection.name);
      return (
        docs
          .map((d) => d.state)
          // A view with no registration yet (events of a stream read before its registration) is not shown.
          .filter((v) => v.createdAt !== undefined)
          .map(summarizeIntegration)
          .sort((a, b) => (a.createdAt ?? "").localeCompare(b.createdAt ?? ""))
      );
    },
    async integration(id) {
      const doc = await store.load<IntegrationStatusView>(integrationStatusProjection.name, id);
      return doc && doc.state.createdAt !== undefined ? summarizeIntegration(doc.state) : undefined;
    },
    async assets(integrationId) {
      return (await reportsOf(integrationId)).filter((r) => r.goneSince === undefined).map((r) => r.report);
    },
    async removedAssets(integrationId) {
      return (await reportsOf(integrationId)).flatMap(({ report, goneSince }) =>
        goneSince === undefined ? [] : [{ ...report, goneSince }],
      );
    },
    async counts(integrationId) {
      return (await store.load<ResourceCountsView | undefined>(resourceCountsProjection.name, integrationId))
        ?.state;
    },
    async assetHistory(integrationId, arn) {
      return (await store.load<AssetHistoryView>(assetHistoryProjection.name, `${integrationId}/${arn}`))
        ?.state;
    },
    async assetHistories(integrationId) {
      const docs = await store.list<AssetHistoryView>(assetHistoryProjection.name, {
        keyPrefix: `${integrationId}/`,
      });
      return docs.map((d) => d.state).filter((h) => h.integrationId === integrationId);
    },
    async scanProgress(integrationId, scanId) {
      return (await store.load<ScanProgressView>(scanProgressProjection.name, `${integrationId}/${scanId}`))
        ?.state;
    },
    async organizations() {
      const docs = await store.list<OrganizationView>(organizationProjection.name);
      return docs
        .map((d) => d.state)
        .filter((o) => o.organizationId !== undefined)
        .sort((a, b) => (a.registeredAt ?? "").localeCompare(b.registeredAt ?? ""));
    },
    async osInventory(integrationId, arn) {
      return (
        await store.load<OsInventoryView | undefined>(osInventoryProjection.name, `${integrationId}/${arn}`)
      )?.state;
    },
    async alerts(integrationId) {
      if (integrationId !== undefined) {
        return (await store.load<AlertView[]>(integrationAlertsProjection.name, integrationId))?.state ?? [];
      }
      const all = await store.list<AlertView[]>(integrationAlertsProjection.name);
      return all.flatMap((d) => d.state).sort((a, b) => b.at.localeCompare(a.at));
    },
  };
}
