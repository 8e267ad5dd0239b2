import { type Context, Hono } from "hono";
import {
  renderAssetPage,
  renderDashboard,
  renderIntegrationPage,
  renderOrganizationPage,
  type Viewer,
} from "../dashboard/pages.ts";
import {
  applyFilters,
  findingsCsv,
  findingsOf,
  frameworkScoresOf,
  frameworkTrendsOf,
  parseFilters,
  postureOf,
  trendOf,
} from "../dashboard/posture.ts";
import { notFound } from "../http/errors.ts";
import { organizationNotFound } from "../organizations/decide.ts";
import { organizationRollup } from "../organizations/rollup.ts";
import { organizationScanProgress } from "../organizations/scan-progress.ts";
import type { AssetReportView } from "../views/platform-views.ts";
import { integrationTimeline } from "../views/timeline.ts";
import type { Env, RouteContext } from "./context.ts";
import { readOrganization } from "./organizations.ts";
import { knownIntegration } from "./queries.ts";

/** The HTML dashboard and its exports (any signed-in role). */
export function dashboardRoutes(ctx: RouteContext): Hono<Env> {
  const { views, store } = ctx;
  const app = new Hono<Env>();
  const viewerOf = (c: Context<Env>): Viewer => {
    const who = c.get("principal");
    const csrf = ctx.access.sessionOf(c)?.csrf;
    return { user: who.user, role: who.role, ...(csrf ? { csrf } : {}) };
  };

  /** Latest reports, of one integration or all. */
  async function reportsOf(integrationId?: string): Promise<AssetReportView[]> {
    await views.refresh();
    if (integrationId !== undefined) return views.assets(integrationId);
    const all = await views.integrations();
    return (await Promise.all(all.map((i) => views.assets(i.integrationId)))).flat();
  }

  app.get("/", (c) => c.redirect("/dashboard"));
  app.get("/dashboard", ctx.readers, async (c) => {
    await views.refresh();
    const integrations = await views.integrations();
    const perIntegration = await Promise.all(
      integrations.map(async (i) => {
        const reports = await views.assets(i.integrationId);
        const histories = await views.assetHistories(i.integrationId);
        return {
          ...i,
          reports,
          histories,
          resources: (await views.counts(i.integrationId))?.total,
          posture: postureOf(reports),
          trend: trendOf(histories),
        };
      }),
    );
    const reports = perIntegration.flatMap((p) => p.reports);
    return c.html(
      renderDashboard({
        integrations: perIntegration,
        frameworkTrends: frameworkTrendsOf(perIntegration.flatMap((p) => p.histories)),
        reports,
        filters: parseFilters(c.req.query()),
        alerts: await views.alerts(),
        organizations: (await views.organizations()).map((o) => ({
          organizationIntegrationId: o.organizationIntegrationId,
          organizationId: o.organizationId,
          members: integrations.filter((i) => i.organizationIntegrationId === o.organizationIntegrationId)
            .length,
        })),
        viewer: viewerOf(c),
      }),
    );
  });

  /** An organization: its accounts' status lines, the roll-up, the latest organization-wide scan per account. */
  app.get("/dashboard/organizations/:id", ctx.readers, async (c) => {
    const id = c.req.param("id");
    const [organization] = await Promise.all([readOrganization(ctx, id), views.refresh()]);
    if (!organization) throw organizationNotFound(id);
    const members = (await views.integrations()).filter((i) => i.organizationIntegrationId === id);
    const reports = new Map(
      await Promise.all(
        members.map(async (m) => [m.integrationId, await views.assets(m.integrationId)] as const),
      ),
    );
    const latest = [...organization.scans.values()].sort(
      (a, b) => b.requestedAt.getTime() - a.requestedAt.getTime(),
    )[0];
    const scan = latest
      ? await organizationScanProgress(views, organization, latest.scanId, ctx.clock())
      : undefined;
    return c.html(
      renderOrganizationPage({
        organization: {
          organizationIntegrationId: id,
          organizationId: organization.organizationId,
          homeRegion: organization.homeRegion,
        },
        rollup: organizationRollup(members, reports),
        frameworks: frameworkScoresOf([...reports.values()].flat()),
        ...(scan ? { scan } : {}),
        viewer: viewerOf(c),
      }),
    );
  });

  /** The filtered findings as a download: every failed check of the latest reports. */
  const exportFindings = (format: "csv" | "json") => async (c: Context<Env>) => {
    const integration = c.req.query("integration");
    if (integration !== undefined) await knownIntegration(ctx, integration);
    const findings = applyFilters(findingsOf(await reportsOf(integration)), parseFilters(c.req.query()));
    const name = `vigil-findings${integration ? `-${integration}` : ""}.${format}`;
    c.header("Content-Disposition", `attachment; filename="${name}"`);
    if (format === "json") return c.json({ findings });
    return c.body(findingsCsv(findings), 200, { "content-type": "text/csv; charset=utf-8" });
  };
  app.get("/dashboard/findings.csv", ctx.readers, exportFindings("csv"));
  app.get("/dashboard/findings.json", ctx.readers, exportFindings("json"));

  app.get("/dashboard/integrations/:id", ctx.readers, async (c) => {
    const id = await knownIntegration(ctx, c.req.param("id"));
    const integration = await views.integration(id);
    if (!integration) throw notFound("integration_not_found", `No integration ${id}.`);
    const reports = await views.assets(id);
    const histories = await views.assetHistories(id);
    return c.html(
      renderIntegrationPage({
        integration,
        reports,
        removed: await views.removedAssets(id),
        counts: await views.counts(id),
        timeline: await integrationTimeline(store, id),
        filters: parseFilters(c.req.query()),
        trend: trendOf(histories),
        frameworkTrends: frameworkTrendsOf(histories),
        viewer: viewerOf(c),
      }),
    );
  });

  app.get("/dashboard/integrations/:id/asset", ctx.readers, async (c) => {
    const id = await knownIntegration(ctx, c.req.param("id"));
    const arn = c.req.query("arn") ?? "";
    const current = (await views.assets(id)).find((r) => r.asset.arn === arn);
    const report = current ?? (await views.removedAssets(id)).find((r) => r.asset.arn === arn);
    if (!report) throw notFound("asset_not_found", `No report for asset ${arn} in integration ${id}.`);
    return c.html(
      renderAssetPage({
        integrationId: id,
        report,
        history: await views.assetHistory(id, arn),
        ...(report.asset.type === "aws.ec2.instance-os"
          ? { inventory: await views.osInventory(id, arn) }
          : {}),
        viewer: viewerOf(c),
      }),
    );
  });
  return app;
}
