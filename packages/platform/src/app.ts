import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import {
  AppendTooLargeError,
  type AtomicEventStore,
  type EventStore,
  ExpectedVersionConflictError,
  isMultiStreamAppender,
  MultiStreamConflictError,
  PayloadTooLargeError,
  type ProjectionStore,
} from "@vigil/events";
import { Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { memoryReplayGuard, type ReplayGuard } from "./auth/replay-guard.ts";
import { type Clock, type PlatformConfig, systemClock } from "./config.ts";
import { PlatformError, unauthorized } from "./http/errors.ts";
import { tooLarge } from "./ingest/ingest.ts";
import { releaseRoutes } from "./releases/routes.ts";
import { agentRoutes } from "./routes/agent.ts";
import type { Env, RouteContext } from "./routes/context.ts";
import { dashboardRoutes } from "./routes/dashboard.ts";
import { integrationRoutes } from "./routes/integrations.ts";
import { queryRoutes } from "./routes/queries.ts";
import { createPlatformViews, type PlatformViews } from "./views/platform-views.ts";

export interface PlatformDeps {
  /** The event log; must append atomically across streams (both `@vigil/events` adapters do). */
  eventStore: EventStore;
  config: PlatformConfig;
  clock?: Clock;
  replayGuard?: ReplayGuard;
  /** New integration ids (tests pin them). */
  newIntegrationId?: () => string;
  /** Where the views live (DynamoDB in Lambda); in memory when absent. */
  projections?: ProjectionStore;
  /** Share views between apps on one store; created from the store when absent. */
  views?: PlatformViews;
}

/** The platform's HTTP API and dashboard: one router per resource, mounted here. */
export function createApp(deps: PlatformDeps): Hono<Env> {
  const { config } = deps;
  if (!isMultiStreamAppender(deps.eventStore)) {
    throw new Error("the platform's event store must support appendToStreams (atomic ingest)");
  }
  const store: AtomicEventStore = deps.eventStore;
  const clock = deps.clock ?? systemClock;
  const views =
    deps.views ??
    createPlatformViews({ log: store, ...(deps.projections ? { projections: deps.projections } : {}) });

  const app = new Hono<Env>();

  app.onError((err, c) => {
    if (err instanceof PlatformError) return c.json(err.toBody(), err.status);
    if (err instanceof HTTPException) {
      return c.json({ error: { code: "http_error", message: err.message || "request refused" } }, err.status);
    }
    if (err instanceof AppendTooLargeError || err instanceof PayloadTooLargeError) {
      const e = tooLarge(err, 0);
      return c.json(e.toBody(), e.status);
    }
    if (err instanceof ExpectedVersionConflictError || err instanceof MultiStreamConflictError) {
      return c.json(
        {
          error: {
            code: "concurrent_update",
            message:
              "Another request changed the same records at the same time, repeatedly; nothing was recorded. Retry.",
          },
        },
        409,
      );
    }
    console.error("platform: unhandled error", err);
    return c.json(
      {
        error: {
          code: "internal_error",
          message:
            "The platform failed on this request; nothing was recorded. Retry, and report it if it persists.",
        },
      },
      500,
    );
  });
  app.notFound((c) =>
    c.json(
      {
        error: {
          code: "route_not_found",
          message: `No route ${c.req.method} ${c.req.path}. See the platform README for the API.`,
        },
      },
      404,
    ),
  );

  app.use(
    "*",
    bodyLimit({
      maxSize: config.maxBodyBytes,
      onError: (c) =>
        c.json(
          {
            error: {
              code: "body_too_large",
              message: `The request body is larger than ${config.maxBodyBytes} bytes; send fewer events per request.`,
            },
          },
          413,
        ),
    }),
  );

  const adminOnly: MiddlewareHandler<Env> = async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const presented = header.startsWith("Bearer ")
      ? header.slice(7)
      : header.startsWith("Basic ")
        ? Buffer.from(header.slice(6), "base64").toString().split(":").slice(1).join(":")
        : undefined;
    if (presented === undefined || !sameSecret(presented, config.adminToken)) {
      if (c.req.path.startsWith("/dashboard")) c.header("WWW-Authenticate", 'Basic realm="Vigil"');
      throw unauthorized(
        presented === undefined ? "admin_token_missing" : "admin_token_invalid",
        "This endpoint needs the platform's admin token: send `Authorization: Bearer <admin token>`.",
      );
    }
    await next();
  };

  const ctx: RouteContext = {
    store,
    config,
    clock,
    replayGuard: deps.replayGuard ?? memoryReplayGuard(),
    views,
    newIntegrationId: deps.newIntegrationId ?? randomUUID,
    adminOnly,
    readers: adminOnly,
  };

  app.get("/health", (c) => c.json({ status: "ok" }));
  app.route("/", integrationRoutes(ctx));
  app.route("/", agentRoutes(ctx));
  app.route("/", queryRoutes(ctx));
  app.route("/", releaseRoutes({ store, clock, adminOnly }));
  app.route("/", dashboardRoutes(ctx));
  return app;
}

function sameSecret(presented: string, expected: string): boolean {
  // Hash first so the comparison is constant-time whatever the lengths.
  const a = createHash("sha256").update(presented).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}
