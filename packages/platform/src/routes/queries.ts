import { Hono } from "hono";
import { readIntegration } from "../event-log.ts";
import { notFound } from "../http/errors.ts";
import { integrationTimeline } from "../views/timeline.ts";
import type { Env, RouteContext } from "./context.ts";

/** Whether an integration exists, by its own stream (consistent), with the views caught up. */
export async function knownIntegration(ctx: RouteContext, id: string): Promise<string> {
  // Existence is decided by the integration's own stream (a consistent read), not by the views,
  // which follow the log a settle window behind.
  const [{ ledger }] = await Promise.all([readIntegration(ctx.store, id), ctx.views.refresh()]);
  if (!ledger) {
    throw notFound(
      "integration_not_found",
      `No integration ${id}. List integrations with GET /api/integrations.`,
    );
  }
  return id;
}

/** Read-only JSON views (any signed-in role, or the admin token). */
export function queryRoutes(ctx: RouteContext): Hono<Env> {
  const { views, store } = ctx;
  const app = new Hono<Env>();
  const known = (id: string | undefined) => knownIntegration(ctx, id ?? "");

  app.get("/api/integrations", ctx.readers, async (c) => {
    await views.refresh();
    const integrations = await views.integrations();
    return c.json({
      integrations: await Promise.all(
        integrations.map(async (i) => ({
          ...i,
          counts: (await views.counts(i.integrationId))?.total ?? null,
        })),
      ),
    });
  });
  app.get("/api/integrations/:id", ctx.readers, async (c) => {
    const id = await known(c.req.param("id"));
    return c.json({
      integration: await views.integration(id),
      counts: (await views.counts(id)) ?? null,
      alerts: await views.alerts(id),
    });
  });
  app.get("/api/integrations/:id/assets", ctx.readers, async (c) => {
    const id = await known(c.req.param("id"));
    const reports = await views.assets(id);
    const removed = await views.removedAssets(id);
    return c.json({
      assets: reports.map((r) => ({
        ...r.asset,
        scanId: r.scanId,
        assessedAt: r.assessedAt,
        failed: r.totals.fail,
      })),
      /** Assets the latest full scan of their region no longer found; their last report is kept. */
      removed: removed.map((r) => ({
        ...r.asset,
        scanId: r.scanId,
        assessedAt: r.assessedAt,
        goneSince: r.goneSince,
      })),
    });
  });
  app.get("/api/integrations/:id/reports", ctx.readers, async (c) => {
    const id = await known(c.req.param("id"));
    const arn = c.req.query("arn");
    const current = await views.assets(id);
    // One asset asked for by ARN: its last report also when a scan no longer finds it (with `goneSince`).
    const reports =
      arn === undefined
        ? current
        : [...current, ...(await views.removedAssets(id))].filter((r) => r.asset.arn === arn);
    if (arn !== undefined && reports.length === 0) {
      throw notFound(
        "asset_not_found",
        `No report for asset ${arn} in integration ${id}; list assets with GET /api/integrations/${id}/assets.`,
      );
    }
    return c.json({ reports });
  });
  app.get("/api/integrations/:id/inventory", ctx.readers, async (c) => {
    const id = await known(c.req.param("id"));
    const arn = c.req.query("arn") ?? "";
    const inventory = await views.osInventory(id, arn);
    if (!inventory)
      throw notFound(
        "inventory_not_found",
        `No EBS scan has reported the operating system of ${arn} in integration ${id}: pass the instance-os asset's ARN (…:instance/<id>/os).`,
      );
    return c.json(inventory);
  });
  app.get("/api/integrations/:id/counts", ctx.readers, async (c) => {
    const id = await known(c.req.param("id"));
    return c.json({ counts: (await views.counts(id)) ?? null });
  });
  /** The integration's lifecycle stream from the log, whole: every installation and deletion. */
  app.get("/api/integrations/:id/events", ctx.readers, async (c) => {
    const id = await known(c.req.param("id"));
    return c.json({ events: await integrationTimeline(store, id) });
  });
  return app;
}
