import { type Context, Hono } from "hono";
import { renderDashboard, renderIntegrationPage, type Viewer } from "../dashboard/pages.ts";
import { notFound } from "../http/errors.ts";
import { integrationTimeline } from "../views/timeline.ts";
import type { Env, RouteContext } from "./context.ts";
import { knownIntegration } from "./queries.ts";

/** The HTML dashboard (any signed-in role). */
export function dashboardRoutes(ctx: RouteContext): Hono<Env> {
  const { views, store } = ctx;
  const app = new Hono<Env>();
  const viewerOf = (c: Context<Env>): Viewer => {
    const who = c.get("principal");
    const csrf = ctx.access.sessionOf(c)?.csrf;
    return { user: who.user, role: who.role, ...(csrf ? { csrf } : {}) };
  };
  app.get("/", (c) => c.redirect("/dashboard"));
  app.get("/dashboard", ctx.readers, async (c) => {
    await views.refresh();
    const integrations = await views.integrations();
    const perIntegration = await Promise.all(
      integrations.map(async (i) => ({
        integration: i,
        reports: await views.assets(i.integrationId),
        counts: await views.counts(i.integrationId),
      })),
    );
    return c.html(
      renderDashboard({
        integrations: perIntegration.map(({ integration, reports, counts }) => ({
          ...integration,
          resources: counts?.total,
          failedChecks: reports.reduce((n, r) => n + r.totals.fail, 0),
        })),
        reports: perIntegration.flatMap((p) => p.reports),
        alerts: await views.alerts(),
        viewer: viewerOf(c),
      }),
    );
  });
  app.get("/dashboard/integrations/:id", ctx.readers, async (c) => {
    const id = await knownIntegration(ctx, c.req.param("id"));
    const integration = await views.integration(id);
    if (!integration) throw notFound("integration_not_found", `No integration ${id}.`);
    return c.html(
      renderIntegrationPage({
        integration,
        reports: await views.assets(id),
        removed: await views.removedAssets(id),
        counts: await views.counts(id),
        timeline: await integrationTimeline(store, id),
        viewer: viewerOf(c),
      }),
    );
  });
  return app;
}
