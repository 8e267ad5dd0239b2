import { randomUUID } from "node:crypto";
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
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type AttemptLimiter, memoryAttemptLimiter } from "./auth/rate-limit.ts";
import { memoryReplayGuard, type ReplayGuard } from "./auth/replay-guard.ts";
import { type Clock, type PlatformConfig, systemClock } from "./config.ts";
import { DASHBOARD_CSS, renderErrorPage } from "./dashboard/pages.ts";
import { PlatformError, STORAGE_RETRY_AFTER_SECONDS, storageUnavailable } from "./http/errors.ts";
import { securityHeaders } from "./http/security-headers.ts";
import { tooLarge } from "./ingest/ingest.ts";
import { type AwsSend, fetchAwsSend } from "./organizations/aws-identity.ts";
import { releaseRoutes } from "./releases/routes.ts";
import { agentRoutes } from "./routes/agent.ts";
import { createAccess } from "./routes/auth.ts";
import { commandRoutes } from "./routes/commands.ts";
import type { Env, RouteContext } from "./routes/context.ts";
import { dashboardRoutes } from "./routes/dashboard.ts";
import { integrationRoutes } from "./routes/integrations.ts";
import { organizationRoutes } from "./routes/organizations.ts";
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
  /** Wrong secrets per address (DynamoDB in Lambda, so every instance counts together). */
  attemptLimiter?: AttemptLimiter;
  /** The caller's address, for rate limiting (the Node server and the Lambda adapter set it). */
  clientIp?: (c: Context) => string;
  /** Sends member accounts' presigned AWS requests at enrollment (tests stub AWS); `fetch` by default. */
  awsSend?: AwsSend;
}

/** The Lambda adapter's source IP, or the Node server's socket; "unknown" in tests (`app.request`). */
function defaultClientIp(c: Context): string {
  const env = c.env as
    | {
        event?: { requestContext?: { http?: { sourceIp?: string } } };
        incoming?: { socket?: { remoteAddress?: string } };
      }
    | undefined;
  return env?.event?.requestContext?.http?.sourceIp ?? env?.incoming?.socket?.remoteAddress ?? "unknown";
}

/** A person's browser asking for a dashboard page (not an export, not the API). */
function browsing(c: Context<Env>): boolean {
  return (
    (c.req.method === "GET" || c.req.method === "HEAD") &&
    /^\/dashboard(\/|$)/.test(c.req.path) &&
    !/\.(csv|json)$/.test(c.req.path) &&
    (c.req.header("accept") ?? "").includes("text/html")
  );
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
  app.use("*", securityHeaders());

  /** What went wrong, as the API answers it: `{error: {code, message}}` and a status. */
  const refusalOf = (err: Error, c: Context<Env>): PlatformError => {
    if (err instanceof PlatformError) return err;
    if (err instanceof HTTPException)
      return new PlatformError(
        err.status as ContentfulStatusCode,
        "http_error",
        err.message || "request refused",
      );
    if (err instanceof AppendTooLargeError || err instanceof PayloadTooLargeError) return tooLarge(err, 0);
    if (err instanceof ExpectedVersionConflictError || err instanceof MultiStreamConflictError)
      return new PlatformError(
        409,
        "concurrent_update",
        "Another request changed the same records at the same time, repeatedly; nothing was recorded. Retry.",
      );
    const unavailable = storageUnavailable(err);
    if (unavailable) {
      console.error("platform: storage unavailable", err);
      c.header("Retry-After", String(STORAGE_RETRY_AFTER_SECONDS));
      return unavailable;
    }
    console.error("platform: unhandled error", err);
    return new PlatformError(
      500,
      "internal_error",
      "The platform failed on this request; nothing was recorded. Retry, and report it if it persists.",
    );
  };
  /** A person browsing the dashboard gets a page saying it; API clients and exports get JSON. */
  const answer = (refusal: PlatformError, c: Context<Env>) =>
    browsing(c)
      ? c.html(renderErrorPage({ status: refusal.status, message: refusal.message }), refusal.status)
      : c.json(refusal.toBody(), refusal.status);
  app.onError((err, c) => answer(refusalOf(err, c), c));
  app.notFound((c) =>
    answer(
      new PlatformError(
        404,
        "route_not_found",
        `No route ${c.req.method} ${c.req.path}. The API: packages/platform/docs/api.md.`,
      ),
      c,
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

  const access = createAccess({
    config,
    clock,
    limiter: deps.attemptLimiter ?? memoryAttemptLimiter(),
    clientIp: deps.clientIp ?? defaultClientIp,
  });

  const ctx: RouteContext = {
    store,
    config,
    clock,
    replayGuard: deps.replayGuard ?? memoryReplayGuard(),
    views,
    newIntegrationId: deps.newIntegrationId ?? randomUUID,
    awsSend: deps.awsSend ?? fetchAwsSend,
    adminOnly: access.adminOnly,
    readers: access.readers,
    access,
  };

  app.get("/health", (c) => c.json({ status: "ok" }));
  app.get("/assets/dashboard.css", (c) =>
    c.body(DASHBOARD_CSS, 200, { "content-type": "text/css; charset=utf-8" }),
  );
  app.route("/", access.routes);
  app.route("/", integrationRoutes(ctx));
  app.route("/", organizationRoutes(ctx));
  app.route("/", commandRoutes(ctx));
  app.route("/", agentRoutes(ctx));
  app.route("/", queryRoutes(ctx));
  app.route("/", releaseRoutes({ store, clock, adminOnly: access.adminOnly }));
  app.route("/", dashboardRoutes(ctx));
  return app;
}
