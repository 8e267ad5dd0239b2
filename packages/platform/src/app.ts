import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import {
  createEvent,
  DEFAULT_MAX_CLOCK_SKEW_MS,
  type EventStore,
  ExpectedVersionConflictError,
  isSignatureFailure,
  type ProjectionStore,
  parseEvent,
  readSignedRequestHeaders,
  type VigilEvent,
  verifySignedRequest,
} from "@vigil/events";
import { type Context, Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import * as z from "zod";
import { hashRegistrationToken, newRegistrationToken } from "./auth/registration-token.ts";
import { memoryReplayGuard, type ReplayGuard } from "./auth/replay-guard.ts";
import { issueServiceCredential, parseKeyId } from "./auth/service-credentials.ts";
import { type Clock, type PlatformConfig, systemClock } from "./config.ts";
import { renderDashboard, renderIntegrationPage } from "./dashboard/pages.ts";
import { appendReports, readTypedStream, streams } from "./event-log.ts";
import { badRequest, conflict, notFound, PlatformError, unauthorized } from "./http/errors.ts";
import { parseJson, validate } from "./http/read-body.ts";
import {
  type Decision,
  decideAgentKey,
  decideNewRegistration,
  decideReportBatch,
  decideRevocation,
  decideTokenExchange,
} from "./integrations/decide.ts";
import { foldIntegrationLedger, type IntegrationLedger } from "./integrations/ledger.ts";
import { releaseRoutes } from "./releases/routes.ts";
import { createPlatformViews, type PlatformViews } from "./views/platform-views.ts";
import { integrationTimeline } from "./views/timeline.ts";

export interface PlatformDeps {
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

const SOURCE = "urn:vigil:platform";

type Env = { Variables: { ledger: IntegrationLedger; rawBody: string; keyId: string } };

const createIntegrationBody = z.object({
  accountId: z.string().regex(/^\d{12}$/, "a 12-digit AWS account id"),
  homeRegion: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "an AWS region code such as eu-west-1"),
  deployment: z.enum(["single-account", "organization"]).default("single-account"),
  organizationId: z.string().optional(),
});

const exchangeBody = z.object({
  token: z.string().min(1, "the registration token"),
  /** Optional: when given, must be the account the integration was created for. */
  accountId: z
    .string()
    .regex(/^\d{12}$/, "a 12-digit AWS account id")
    .optional(),
  /** SSM parameter the caller will store the private key in (recorded, never read by the platform). */
  parameterName: z.string().startsWith("/").optional(),
});

const reportBody = z.object({ events: z.array(z.unknown()).min(1, "at least one event") });

const revokeBody = z.object({
  /** Why the agent gives the key back (shown in the integration's history). */
  reason: z.string().max(1024, "at most 1024 characters").optional(),
});

export function createApp(deps: PlatformDeps): Hono<Env> {
  const { eventStore: store, config } = deps;
  const clock = deps.clock ?? systemClock;
  const replayGuard = deps.replayGuard ?? memoryReplayGuard();
  const newIntegrationId = deps.newIntegrationId ?? randomUUID;
  const views =
    deps.views ??
    createPlatformViews({ log: store, ...(deps.projections ? { projections: deps.projections } : {}) });
  const maxSkewMs = config.maxClockSkewMs ?? DEFAULT_MAX_CLOCK_SKEW_MS;

  const app = new Hono<Env>();

  app.onError((err, c) => {
    if (err instanceof PlatformError) return c.json(err.toBody(), err.status);
    if (err instanceof HTTPException) {
      return c.json({ error: { code: "http_error", message: err.message || "request refused" } }, err.status);
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
      // Browsers prompt for Basic credentials on the dashboard (any user name, the admin token as password).
      if (c.req.path.startsWith("/dashboard")) c.header("WWW-Authenticate", 'Basic realm="Vigil"');
      throw unauthorized(
        presented === undefined ? "admin_token_missing" : "admin_token_invalid",
        "This endpoint needs the platform's admin token: send `Authorization: Bearer <admin token>`.",
      );
    }
    await next();
  };

  /**
   * Verify a signed agent request and decide whether its key may make it; on success the
   * integration's ledger, the key id and the raw body are set.
   */
  const verifiedAgent =
    (
      decideKey: (ledger: IntegrationLedger | undefined, keyId: string) => Decision<IntegrationLedger>,
    ): MiddlewareHandler<Env> =>
    async (c, next) => {
      const rawBody = await c.req.text();
      const now = clock();
      const headers = readSignedRequestHeaders((name) => c.req.header(name));
      if (isSignatureFailure(headers)) throw unauthorized(headers.code, headers.message);
      const parsedKey = parseKeyId(headers.keyId);
      if (!parsedKey) {
        throw unauthorized(
          "unknown_key",
          `Key id ${headers.keyId} is not a Vigil service key id; use the keyId returned by the token exchange.`,
        );
      }
      const url = new URL(c.req.url);
      const verified = verifySignedRequest({
        method: c.req.method,
        path: url.pathname + url.search,
        body: rawBody,
        headers,
        publicKeyPem: parsedKey.publicKey,
        now,
        maxClockSkewMs: maxSkewMs,
      });
      if (!verified.ok) throw unauthorized(verified.code, verified.message);
      const ledger = await readLedger(parsedKey.integrationId);
      const decision = decideKey(ledger, headers.keyId);
      if (!decision.ok) throw decision.error;
      // Remember the signature until its timestamp can no longer pass the skew check.
      const forgetAfter = new Date(verified.timestamp.getTime() + maxSkewMs);
      if (!(await replayGuard.firstUse(verified.signature, forgetAfter, now))) {
        throw unauthorized(
          "request_replayed",
          "This exact signed request was already received; sign every request afresh (new timestamp).",
        );
      }
      c.set("ledger", decision.value);
      c.set("keyId", headers.keyId);
      c.set("rawBody", rawBody);
      await next();
    };
  /** Requests only the current key of a live integration may sign. */
  const signedAgent = verifiedAgent(decideAgentKey);

  async function readLedger(integrationId: string): Promise<IntegrationLedger | undefined> {
    const { events } = await readTypedStream(store, streams.integration(integrationId));
    return foldIntegrationLedger(integrationId, events);
  }

  async function knownIntegration(c: Context<Env>): Promise<string> {
    const id = c.req.param("id") ?? "";
    // Existence is decided by the integration's own stream (a consistent read), not by the views,
    // which follow the log a settle window behind.
    const [ledger] = await Promise.all([readLedger(id), views.refresh()]);
    if (!ledger) {
      throw notFound(
        "integration_not_found",
        `No integration ${id}. List integrations with GET /api/integrations.`,
      );
    }
    return id;
  }

  app.get("/health", (c) => c.json({ status: "ok" }));

  // --- admin: integrations and registration tokens -------------------------------------------

  app.post("/admin/integrations", adminOnly, async (c) => {
    const body = validate(createIntegrationBody, parseJson(await c.req.text()), "The integration");
    const integrationId = newIntegrationId();
    const now = clock();
    const token = newRegistrationToken(integrationId);
    const expiresAt = new Date(now.getTime() + config.registrationTokenTtlMs).toISOString();
    // No stack exists yet: stackId and agentVersion are learnt from the stack's own events.
    const event = createEvent(
      "vigil.integration.registration-requested.v1",
      {
        accountId: body.accountId,
        homeRegion: body.homeRegion,
        deployment: body.deployment,
        ...(body.organizationId === undefined ? {} : { organizationId: body.organizationId }),
        registrationTokenSha256: hashRegistrationToken(token),
        registrationTokenExpiresAt: expiresAt,
      },
      { source: SOURCE, integrationId, time: now },
    );
    await store.appendToStream(streams.integration(integrationId), [event], { expectedVersion: "no_stream" });
    return c.json(
      {
        integrationId,
        registrationToken: token,
        expiresAt,
        exchange: { method: "POST", path: "/registrations/exchange", body: { token: "<registrationToken>" } },
      },
      201,
    );
  });

  app.post("/admin/integrations/:id/registration-tokens", adminOnly, async (c) => {
    const integrationId = c.req.param("id");
    const decision = decideNewRegistration(await readLedger(integrationId), integrationId);
    if (!decision.ok) throw decision.error;
    const ledger = decision.value;
    const now = clock();
    const token = newRegistrationToken(integrationId);
    const expiresAt = new Date(now.getTime() + config.registrationTokenTtlMs).toISOString();
    const event = createEvent(
      "vigil.integration.registration-requested.v1",
      {
        accountId: ledger.accountId,
        homeRegion: ledger.homeRegion,
        deployment: ledger.deployment,
        ...(ledger.organizationId === undefined ? {} : { organizationId: ledger.organizationId }),
        registrationTokenSha256: hashRegistrationToken(token),
        registrationTokenExpiresAt: expiresAt,
      },
      { source: SOURCE, integrationId, time: now },
    );
    try {
      await store.appendToStream(streams.integration(integrationId), [event], {
        expectedVersion: ledger.version,
      });
    } catch (err) {
      if (err instanceof ExpectedVersionConflictError) {
        throw conflict(
          "integration_changed",
          `Integration ${integrationId} changed while the token was issued; request a new token again.`,
        );
      }
      throw err;
    }
    return c.json({ integrationId, registrationToken: token, expiresAt }, 201);
  });

  // --- token exchange: callable by a CloudFormation custom resource with only the token ---------

  app.post("/registrations/exchange", async (c) => {
    const body = validate(exchangeBody, parseJson(await c.req.text()), "The exchange request");
    const now = clock();
    const integrationId = body.token.split(".")[1] ?? "";
    const ledger = integrationId === "" ? undefined : await readLedger(integrationId);
    const decision = decideTokenExchange(ledger, body.token, now, config.registrationTokenTtlMs);
    if (!decision.ok) throw decision.error;
    if (body.accountId !== undefined && body.accountId !== decision.value.accountId) {
      throw badRequest(
        "account_mismatch",
        `This token was issued for account ${decision.value.accountId}, not ${body.accountId}; install the stack in the account the integration was created for.`,
      );
    }
    const credential = issueServiceCredential(integrationId);
    const parameterName = body.parameterName ?? `/vigil/${integrationId}/service-key`;
    const event = createEvent(
      "vigil.integration.credentials-issued.v1",
      {
        accountId: decision.value.accountId,
        credentialId: credential.keyId,
        issuedAt: now.toISOString(),
        parameterName,
      },
      { source: SOURCE, integrationId, time: now, causationId: decision.value.registrationEventId },
    );
    try {
      // Expected version: a concurrent exchange of the same token loses here and is told so.
      await store.appendToStream(streams.integration(integrationId), [event], {
        expectedVersion: (ledger as IntegrationLedger).version,
      });
    } catch (err) {
      if (err instanceof ExpectedVersionConflictError) {
        throw conflict(
          "registration_token_used",
          "This registration token was exchanged by a concurrent request; a token works once.",
        );
      }
      throw err;
    }
    return c.json(
      {
        integrationId,
        keyId: credential.keyId,
        privateKeyPem: credential.privateKeyPem,
        publicKeyPem: credential.publicKeyPem,
        parameterName,
        signing: {
          scheme: "VIGIL-ED25519-V1",
          headers: ["x-vigil-key-id", "x-vigil-timestamp", "x-vigil-digest", "x-vigil-signature"],
        },
      },
      201,
    );
  });

  // --- agent endpoints (signed) -------------------------------------------------------------

  app.post("/agent/events", signedAgent, async (c) => {
    const ledger = c.get("ledger");
    const body = validate(reportBody, parseJson(c.get("rawBody")), "The report");
    if (body.events.length > config.maxEventsPerBatch) {
      throw badRequest(
        "batch_too_large",
        `A report carries at most ${config.maxEventsPerBatch} events; got ${body.events.length}. Split it.`,
      );
    }
    const events: VigilEvent[] = [];
    const invalid: { index: number; code: string; message: string }[] = [];
    body.events.forEach((raw, index) => {
      const parsed = parseEvent(raw);
      if (parsed.ok) events.push(parsed.event);
      else
        invalid.push({
          index,
          code: `event_${parsed.error.kind.replaceAll("-", "_")}`,
          message: parsed.error.message,
        });
    });
    const issues = invalid.length > 0 ? invalid : decideReportBatch(ledger, events);
    if (issues.length > 0) {
      throw badRequest(
        invalid.length > 0 ? "event_invalid" : "event_refused",
        `${issues.length} of ${body.events.length} events were refused and none was recorded: ${issues
          .slice(0, 5)
          .map((i) => `events[${i.index}]: ${i.message}`)
          .join(" ")} Fix them and resend the whole batch.`,
        { issues },
      );
    }
    await appendReports(store, events);
    return c.json({ accepted: events.length }, 202);
  });

  app.post("/agent/heartbeat", signedAgent, async (c) => {
    const ledger = c.get("ledger");
    const body = validate(
      z.object({
        agentVersion: z.string().regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/, "a semantic version"),
        updaterVersion: z.string().optional(),
        enabledRegions: z.array(z.string()).default([]),
        lastScan: z
          .object({ scanId: z.string().min(1), status: z.enum(["running", "completed", "failed", "paused"]) })
          .optional(),
      }),
      parseJson(c.get("rawBody")),
      "The heartbeat",
    );
    let event: VigilEvent;
    try {
      event = createEvent(
        "vigil.integration.heartbeat.v2",
        {
          accountId: ledger.accountId,
          components: {
            agent: body.agentVersion,
            ...(body.updaterVersion === undefined ? {} : { updater: body.updaterVersion }),
          },
          enabledRegions: body.enabledRegions,
          ...(body.lastScan === undefined ? {} : { lastScan: body.lastScan }),
        },
        { source: SOURCE, integrationId: ledger.integrationId, time: clock() },
      );
    } catch (err) {
      throw badRequest("event_invalid", `The heartbeat breaks its contract: ${(err as Error).message}`);
    }
    await store.appendToStream(streams.agent(ledger.integrationId), [event], { expectedVersion: "any" });
    return c.json({ accepted: 1, serverTime: clock().toISOString() }, 202);
  });

  /**
   * The agent gives back the key it was just issued: its stack's Create failed after the exchange
   * (writing the key to SSM, or reporting the stack), so CloudFormation rolls the stack back and
   * nothing holds the key. Recorded as `credentials-revoked`: the key never signs again and the
   * integration is `registering`, waiting for a new token (the used one stays used). Retrying
   * with the already revoked key answers the same and records nothing.
   */
  app.post("/agent/credentials/revoke", verifiedAgent(decideRevocation), async (c) => {
    const ledger = c.get("ledger");
    const keyId = c.get("keyId");
    const body = validate(revokeBody, parseJson(c.get("rawBody") || "{}"), "The revocation");
    const integrationId = ledger.integrationId;
    const already = ledger.revoked.get(keyId);
    if (already) {
      return c.json(
        { integrationId, keyId, revoked: true, alreadyRevoked: true, revokedAt: already.toISOString() },
        200,
      );
    }
    const now = clock();
    const event = createEvent(
      "vigil.integration.credentials-revoked.v1",
      {
        accountId: ledger.accountId,
        credentialId: keyId,
        revokedAt: now.toISOString(),
        ...(body.reason === undefined ? {} : { reason: body.reason }),
      },
      {
        source: SOURCE,
        integrationId,
        time: now,
        ...(ledger.credential ? { causationId: ledger.credential.eventId } : {}),
      },
    );
    try {
      await store.appendToStream(streams.integration(integrationId), [event], {
        expectedVersion: ledger.version,
      });
    } catch (err) {
      if (err instanceof ExpectedVersionConflictError) {
        throw conflict(
          "integration_changed",
          `Integration ${integrationId} changed while the key was revoked; sign the revocation again.`,
        );
      }
      throw err;
    }
    return c.json(
      { integrationId, keyId, revoked: true, alreadyRevoked: false, revokedAt: now.toISOString() },
      200,
    );
  });

  // --- queries --------------------------------------------------------------------------------

  app.get("/api/integrations", adminOnly, async (c) => {
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
  app.get("/api/integrations/:id", adminOnly, async (c) => {
    const id = await knownIntegration(c);
    return c.json({
      integration: await views.integration(id),
      counts: (await views.counts(id)) ?? null,
      alerts: await views.alerts(id),
    });
  });
  app.get("/api/integrations/:id/assets", adminOnly, async (c) => {
    const id = await knownIntegration(c);
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
  app.get("/api/integrations/:id/reports", adminOnly, async (c) => {
    const id = await knownIntegration(c);
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
  app.get("/api/integrations/:id/counts", adminOnly, async (c) => {
    const id = await knownIntegration(c);
    return c.json({ counts: (await views.counts(id)) ?? null });
  });
  /** The integration's lifecycle stream from the log, whole: every installation and deletion. */
  app.get("/api/integrations/:id/events", adminOnly, async (c) => {
    const id = await knownIntegration(c);
    return c.json({ events: await integrationTimeline(store, id) });
  });

  // --- releases: hashes recorded by the admin, read by every updater ---------------------------

  app.route("/", releaseRoutes({ store, clock, adminOnly }));

  // --- dashboard ------------------------------------------------------------------------------

  app.get("/", (c) => c.redirect("/dashboard"));
  app.get("/dashboard", adminOnly, async (c) => {
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
      }),
    );
  });
  app.get("/dashboard/integrations/:id", adminOnly, async (c) => {
    const id = await knownIntegration(c);
    const integration = await views.integration(id);
    if (!integration) throw notFound("integration_not_found", `No integration ${id}.`);
    return c.html(
      renderIntegrationPage({
        integration,
        reports: await views.assets(id),
        removed: await views.removedAssets(id),
        counts: await views.counts(id),
        timeline: await integrationTimeline(store, id),
      }),
    );
  });

  return app;
}

function sameSecret(presented: string, expected: string): boolean {
  // Hash first so the comparison is constant-time whatever the lengths.
  const a = createHash("sha256").update(presented).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}
