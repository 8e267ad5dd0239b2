import {
  assetRefSchema,
  createEvent,
  type DataOf,
  deterministicEventId,
  type EventType,
  type ResourceCounts,
  type VigilEvent,
} from "@vigil/events";
import type { Asset } from "../assets/index.ts";
import type { AwsClients } from "../aws/clients.ts";
import { CATALOGUE, evaluate } from "../checks/index.ts";
import { COLLECTORS, linkAssets, type MonitoringFacts, type TrailFacts } from "../collectors/index.ts";
import { AccountReader } from "../discovery/reader.ts";
import type { ScanRequest, ScanRunner } from "../lifecycle/check-in.ts";

/**
 * A whole-account scan in one invocation: every collector over every region, the checks, and the
 * events the platform ingests. Interim glue over the collectors and the evaluator until the scan
 * flow (shards, budgets, pauses — `src/scan`) lands; the handler takes any `ScanRunner`.
 */
export function collectAndAssess(clients: AwsClients): ScanRunner {
  return async (request: ScanRequest): Promise<VigilEvent[]> => {
    const started = Date.now();
    let seq = 0;
    const emit = <T extends EventType>(type: T, data: DataOf<T>): VigilEvent =>
      createEvent(type, data, {
        source: request.source,
        integrationId: request.integrationId,
        subject: request.scanId,
        id: deterministicEventId(`scan#${request.scanId}`, ++seq, type),
        time: request.now,
      });
    const events: VigilEvent[] = [
      emit("vigil.scan.started.v1", {
        scanId: request.scanId,
        regions: [...request.regions],
        checkCount: CATALOGUE.length,
        agentVersion: "0.0.0",
      }),
    ];
    const reader = new AccountReader();
    const assets: Asset[] = [];
    const trails: TrailFacts[] = [];
    const monitoring: MonitoringFacts[] = [];
    const home = clients.homeRegion;
    for (const collector of COLLECTORS) {
      const regions = collector.scope === "global" ? [home] : request.regions;
      for (const region of regions) {
        const out = await collector.collect({
          accountId: request.accountId,
          partition: "aws",
          region,
          clients: clients.forRegion(region),
          clientsFor: (r) => clients.forRegion(r),
          read: reader,
        });
        assets.push(...out.assets);
        if (out.trails) trails.push(...out.trails);
        if (out.monitoring) monitoring.push(out.monitoring);
      }
    }
    const linked = linkAssets({
      accountId: request.accountId,
      regions: request.regions,
      assets,
      trails,
      monitoring,
    });
    const report = evaluate(linked, { now: request.now });
    const counts: ResourceCounts = {};
    let total = 0;
    for (const r of report.reports) {
      const asset = assetRefSchema.safeParse(r.asset);
      // Account-wide settings are keyed by account id, not an ARN: they have no asset of their own here.
      if (!asset.success) continue;
      const byRegion = counts[asset.data.type] ?? {};
      byRegion[asset.data.region] = (byRegion[asset.data.region] ?? 0) + 1;
      counts[asset.data.type] = byRegion;
      total += 1;
      events.push(
        emit("vigil.scan.asset-assessed.v1", {
          scanId: request.scanId,
          assessedAt: request.now.toISOString(),
          asset: asset.data,
          results: r.results.map((x) => ({
            checkId: x.checkId,
            status: x.status,
            severity: x.severity,
            title: x.title.slice(0, 512),
            ...(x.evidence === undefined ? {} : { evidence: x.evidence.slice(0, 1024) }),
          })),
        }),
      );
    }
    events.push(emit("vigil.counts.resource-counts-reported.v1", { scanId: request.scanId, counts, total }));
    const s = report.summary;
    events.push(
      emit("vigil.scan.completed.v1", {
        scanId: request.scanId,
        assetCount: total,
        results: { pass: s.pass, fail: s.fail, muted: s.muted, error: s.error },
        failedBySeverity: s.failBySeverity,
        durationMs: Date.now() - started,
      }),
    );
    return events;
  };
}
