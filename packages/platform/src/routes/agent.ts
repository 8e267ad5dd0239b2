import {
  createEvent,
  isSignatureFailure,
  parseEvent,
  readSignedRequestHeaders,
  type VigilEvent,
  verifySignedRequest,
} from "@vigil/events";
import { Hono, type MiddlewareHandler } from "hono";
import * as z from "zod";
import { parseKeyId } from "../auth/service-credentials.ts";
import { integrationCommand, readIntegration } from "../event-log.ts";
import { badRequest, PlatformError, unauthorized } from "../http/errors.ts";
import { parseJson, requireJson, validate } from "../http/read-body.ts";
import { ingestAgentEvents, reportStreamOf } from "../ingest/ingest.ts";
import { type Decision, decideAgentKey, decideRevocation } from "../integrations/decide.ts";
import type { IntegrationLedger } from "../integrations/ledger.ts";
import { pendingCommands } from "./commands.ts";
import { type Env, type RouteContext, SOURCE } from "./context.ts";

const reportBody = z.object({ events: z.array(z.unknown()).min(1, "at least one event") });

const heartbeatBody = z.object({
  /** The last command (its sequence) the agent took; the answer carries the ones after it. */
  commandsAfter: z.number().int().nonnegative().optional(),
  agentVersion: z.string().regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/, "a semantic version"),
  updaterVersion: z.string().optional(),
  enabledRegions: z.array(z.string()).default([]),
  lastScan: z
    .object({ scanId: z.string().min(1), status: z.enum(["running", "completed", "failed", "paused"]) })
    .optional(),
});

const revokeBody = z.object({
  /** Why the agent gives the key back (shown in the integration's history). */
  reason: z.string().max(1024, "at most 1024 characters").optional(),
});

/** Signed agent requests: reports, heartbeats, and a key giving itself back. */
export function agentRoutes(ctx: RouteContext): Hono<Env> {
  const { store, config, clock, replayGuard } = ctx;
  const maxSkewMs = config.maxClockSkewMs;
  const app = new Hono<Env>();

  /**
   * Verify a signed agent request and decide whether its key may make it; on success the
   * integration (ledger and recorded facts), the key id and the raw body are set.
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
      const integration = await readIntegration(store, parsedKey.integrationId);
      const decision = decideKey(integration.ledger, headers.keyId);
      if (!decision.ok) throw decision.error;
      // Remember the signature until its timestamp can no longer pass the skew check.
      const forgetAfter = new Date(verified.timestamp.getTime() + maxSkewMs);
      if (!(await replayGuard.firstUse(verified.signature, forgetAfter, now))) {
        throw unauthorized(
          "request_replayed",
          "This exact signed request was already received; sign every request afresh (new timestamp).",
        );
      }
      // Authenticated first (401 says more than 415 to a caller without a key), then the type.
      requireJson(c);
      c.set("ledger", decision.value);
      c.set("integration", integration);
      c.set("keyId", headers.keyId);
      c.set("rawBody", rawBody);
      await next();
    };

  app.post("/agent/events", verifiedAgent(decideAgentKey), async (c) => {
    const ledger = c.get("ledger");
    const body = validate(reportBody, parseJson(c.get("rawBody")), "The report");
    if (body.events.length > config.maxEventsPerBatch) {
      throw new PlatformError(
        413,
        "batch_too_large",
        `A report carries at most ${config.maxEventsPerBatch} events (one atomic write); got ${body.events.length}, and none was recorded. Split it.`,
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
    if (invalid.length > 0) {
      throw badRequest(
        "event_invalid",
        `${invalid.length} of ${body.events.length} events were refused and none was recorded: ${invalid
          .slice(0, 5)
          .map((i) => `events[${i.index}]: ${i.message}`)
          .join(" ")} Fix them and resend the whole batch.`,
        { issues: invalid },
      );
    }
    const outcome = await ingestAgentEvents(
      store,
      ledger.integrationId,
      c.get("keyId"),
      events,
      c.get("integration"),
    );
    return c.json(outcome, 202);
  });

  app.post("/agent/heartbeat", verifiedAgent(decideAgentKey), async (c) => {
    const ledger = c.get("ledger");
    const body = validate(heartbeatBody, parseJson(c.get("rawBody")), "The heartbeat");
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
    // Its own stream: heartbeats of many agents (or one agent's retries) never contend.
    await store.appendToStream(reportStreamOf(event), [event], { expectedVersion: "no_stream" });
    // The commands the platform holds for this integration after the agent's last one: the
    // platform reaches no account, so commands wait here for the agent's check-in.
    const commands = await pendingCommands(store, ledger.integrationId, body.commandsAfter ?? 0, clock());
    return c.json({ accepted: 1, serverTime: clock().toISOString(), commands }, 202);
  });

  /**
   * The agent gives back the key it was just issued: its stack's Create failed after the exchange
   * (writing the key to SSM, or reporting the stack), so CloudFormation rolls the stack back and
   * nothing holds the key. Recorded as `credentials-revoked`: the key never signs again and the
   * integration is `registering`, waiting for a new token (the used one stays used). Retrying
   * with the already revoked key answers the same and records nothing.
   */
  app.post("/agent/credentials/revoke", verifiedAgent(decideRevocation), async (c) => {
    const keyId = c.get("keyId");
    const body = validate(revokeBody, parseJson(c.get("rawBody") || "{}"), "The revocation");
    const integrationId = c.get("ledger").integrationId;
    const answer = await integrationCommand(store, integrationId, (found) => {
      const decision = decideRevocation(found, keyId);
      if (!decision.ok) throw decision.error;
      const ledger = decision.value;
      const already = ledger.revoked.get(keyId);
      if (already) {
        return {
          events: [],
          result: {
            integrationId,
            keyId,
            revoked: true,
            alreadyRevoked: true,
            revokedAt: already.toISOString(),
          },
        };
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
      return {
        events: [event],
        result: { integrationId, keyId, revoked: true, alreadyRevoked: false, revokedAt: now.toISOString() },
      };
    });
    return c.json(answer, 200);
  });

  return app;
}
