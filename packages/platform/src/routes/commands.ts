import { randomBytes } from "node:crypto";
import {
  type AtomicEventStore,
  createEvent,
  type EventStore,
  MultiStreamConflictError,
  parseEvent,
  type StreamWrite,
  type VigilEvent,
} from "@vigil/events";
import { type Context, Hono } from "hono";
import * as z from "zod";
import { readIntegration, streams } from "../event-log.ts";
import { badRequest, conflict, PlatformError } from "../http/errors.ts";
import { jsonBody } from "../http/read-body.ts";
import { organizationNotFound } from "../organizations/decide.ts";
import { organizationScanProgress } from "../organizations/scan-progress.ts";
import { memberIntegrationId } from "../organizations/secrets.ts";
import { type Env, type RouteContext, SOURCE } from "./context.ts";
import { readOrganization } from "./organizations.ts";

/**
 * Commands to agents — scan now, update now — for one integration or every member of an
 * organization. The platform holds no credentials for any account and reaches none: a command is
 * recorded in the integration's `commands#<id>` stream and handed to its agent at the agent's next
 * check-in (the heartbeat answers with the commands after the last one it took; the agent records
 * them in its own log at the same numbering, then puts them on its events topic). An
 * organization-wide scan spreads its accounts' starts (`notBefore`), and each account scans within
 * its own API budget.
 */

/**
 * Without `spreadMinutes`, an organization-wide scan spreads its accounts' starts over a minute per
 * 20 accounts (at most an hour): the platform's ingest is not hit by every account at once. Each
 * account's own calls are paced by its agent's budget (80 % of AWS's limits, per account, region and
 * API family), whatever the spread.
 */
export function defaultSpreadMinutes(accounts: number): number {
  return Math.min(60, Math.ceil(accounts / 20));
}

/** Commands handed over per check-in. */
export const COMMANDS_PER_CHECK_IN = 10;

const commandBody = z.object({
  command: z.enum(["scan", "update"]),
  /** Update now: to this version (default: the channel's current release). */
  version: z
    .string()
    .regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/)
    .optional(),
  /** Scan now: only these regions (default: the stack's). */
  regions: z
    .array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/))
    .max(30)
    .optional(),
});

const organizationCommandBody = commandBody.extend({
  /** Only these member accounts (default: every active member). */
  accounts: z
    .array(z.string().regex(/^\d{12}$/))
    .min(1)
    .max(5000)
    .optional(),
  /** Spread the accounts' scan starts over this many minutes (0: all at their next check-in; default a minute per 20 accounts). */
  spreadMinutes: z.number().int().min(0).max(720).optional(),
});

/** The commands after `after` that may be handed over `now`, in order (one held back stops the rest). */
export async function pendingCommands(
  store: EventStore,
  integrationId: string,
  after: number,
  now: Date,
): Promise<{ sequence: number; event: VigilEvent }[]> {
  const read = await store.readStream(streams.commands(integrationId), { from: after + 1 });
  const out: { sequence: number; event: VigilEvent }[] = [];
  for (const recorded of read.events) {
    const parsed = parseEvent(recorded.event);
    if (!parsed.ok) break;
    const notBefore =
      parsed.event.type === "vigil.scan.requested.v1" ? parsed.event.data.notBefore : undefined;
    if (notBefore !== undefined && new Date(notBefore).getTime() > now.getTime()) break;
    out.push({ sequence: recorded.version, event: parsed.event });
    if (out.length >= COMMANDS_PER_CHECK_IN) break;
  }
  return out;
}

function stamp(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");
}

export function commandRoutes(ctx: RouteContext): Hono<Env> {
  const { store, clock } = ctx;
  const app = new Hono<Env>();
  const who = (c: Context<Env>) => c.get("principal")?.user ?? "admin";

  function commandEvent(
    integrationId: string,
    body: z.infer<typeof commandBody>,
    by: string,
    scan: { scanId: string; notBefore?: string; correlationId?: string },
  ): VigilEvent {
    const now = clock();
    const meta = {
      source: SOURCE,
      integrationId,
      time: now,
      ...(scan.correlationId ? { correlationId: scan.correlationId } : {}),
    };
    return body.command === "scan"
      ? createEvent(
          "vigil.scan.requested.v1",
          {
            scanId: scan.scanId,
            trigger: "on-demand",
            requestedBy: by,
            ...(body.regions ? { regions: body.regions } : {}),
            ...(scan.notBefore ? { notBefore: scan.notBefore } : {}),
          },
          meta,
        )
      : createEvent(
          "vigil.update.requested.v1",
          { requestedBy: by, ...(body.version ? { version: body.version } : {}) },
          meta,
        );
  }

  app.post("/admin/integrations/:id/commands", ctx.adminOnly, async (c) => {
    const id = c.req.param("id");
    const body = await jsonBody(c, commandBody, "The command");
    const { ledger } = await readIntegration(store, id);
    if (!ledger) throw new PlatformError(404, "integration_not_found", `No integration ${id}.`);
    if (ledger.lifecycle !== "active") {
      throw conflict(
        "integration_not_active",
        `Integration ${id} is ${ledger.lifecycle}: only an active integration's agent checks in to take commands.`,
      );
    }
    const scanId = `scan-${stamp(clock())}-${randomBytes(3).toString("hex")}`;
    const event = commandEvent(id, body, who(c), { scanId });
    const appended = await store.appendToStream(streams.commands(id), [event], { expectedVersion: "any" });
    return c.json(
      {
        integrationId: id,
        command: body.command,
        sequence: appended.lastVersion,
        eventId: event.id,
        ...(body.command === "scan" ? { scanId } : {}),
        delivery: "at the agent's next check-in (every HeartbeatMinutes)",
      },
      202,
    );
  });

  app.post("/admin/organizations/:id/commands", ctx.adminOnly, async (c) => {
    const id = c.req.param("id");
    const body = await jsonBody(c, organizationCommandBody, "The command");
    const [organization] = await Promise.all([readOrganization(ctx, id), ctx.views.refresh()]);
    if (!organization) throw organizationNotFound(id);
    const members = (await ctx.views.integrations()).filter((i) => i.organizationIntegrationId === id);
    const active = members.filter((m) => m.status === "active");
    let targets = active;
    if (body.accounts) {
      const unknown = body.accounts.filter((a) => !members.some((m) => m.accountId === a));
      if (unknown.length > 0)
        throw badRequest(
          "accounts_not_members",
          `Not members of organization integration ${id}: ${unknown.join(", ")}.`,
        );
      const inactive = body.accounts.filter((a) => !active.some((m) => m.accountId === a));
      if (inactive.length > 0)
        throw conflict(
          "accounts_not_active",
          `These members are not active and take no commands: ${inactive.join(", ")}.`,
        );
      targets = active.filter((m) => body.accounts?.includes(m.accountId ?? ""));
    }
    if (targets.length === 0)
      throw conflict("no_active_members", `Organization integration ${id} has no active member.`);
    const now = clock();
    const accounts = [...targets].sort((a, b) => (a.accountId ?? "").localeCompare(b.accountId ?? ""));
    const spreadMs = (body.spreadMinutes ?? defaultSpreadMinutes(accounts.length)) * 60_000;
    const by = who(c);
    const scanId = `orgscan-${stamp(now)}-${randomBytes(3).toString("hex")}`;
    const plan = accounts.map((m, i) => ({
      accountId: m.accountId as string,
      integrationId: memberIntegrationId(id, m.accountId as string),
      notBefore: new Date(now.getTime() + Math.floor((spreadMs * i) / accounts.length)).toISOString(),
    }));
    const commands = plan.map((p) =>
      commandEvent(p.integrationId, body, by, {
        scanId: `${scanId}-${p.accountId}`,
        correlationId: scanId,
        ...(p.notBefore > now.toISOString() ? { notBefore: p.notBefore } : {}),
      }),
    );
    const record =
      body.command === "scan"
        ? createEvent(
            "vigil.organization.scan-requested.v1",
            {
              organizationId: organization.organizationId,
              scanId,
              accounts: plan.map((p) => ({ accountId: p.accountId, notBefore: p.notBefore })),
              requestedBy: by,
            },
            { source: SOURCE, integrationId: id, time: now, correlationId: scanId },
          )
        : undefined;
    await appendCommands(
      store,
      id,
      record,
      plan.map((p, i) => ({ integrationId: p.integrationId, event: commands[i] as VigilEvent })),
    );
    return c.json(
      {
        organizationIntegrationId: id,
        command: body.command,
        ...(record ? { scanId } : {}),
        accounts: plan.map((p) => ({
          accountId: p.accountId,
          integrationId: p.integrationId,
          notBefore: p.notBefore,
        })),
        delivery: "each at its agent's first check-in from notBefore on",
      },
      202,
    );
  });

  app.get("/api/organizations/:id/scans/:scanId", ctx.readers, async (c) => {
    const id = c.req.param("id");
    const scanId = c.req.param("scanId");
    const [organization] = await Promise.all([readOrganization(ctx, id), ctx.views.refresh()]);
    if (!organization) throw organizationNotFound(id);
    const progress = await organizationScanProgress(ctx.views, organization, scanId, clock());
    if (!progress)
      throw new PlatformError(404, "scan_not_found", `Organization integration ${id} has no scan ${scanId}.`);
    return c.json(progress);
  });

  return app;
}

/**
 * One atomic write per chunk of members (a transaction holds 100 items): each member's command at
 * its stream's version, the organization's record with the first chunk. A concurrent command on
 * one of the streams makes the chunk read and try again.
 */
async function appendCommands(
  store: AtomicEventStore,
  organizationIntegrationId: string,
  record: VigilEvent | undefined,
  commands: { integrationId: string; event: VigilEvent }[],
): Promise<void> {
  const CHUNK = 90;
  for (let i = 0; i < commands.length || (i === 0 && record); i += CHUNK) {
    const chunk = commands.slice(i, i + CHUNK);
    for (let attempt = 1; ; attempt++) {
      const writes: StreamWrite[] = [];
      if (i === 0 && record) {
        const version = (await store.readStream(streams.organization(organizationIntegrationId)))
          .streamVersion;
        writes.push({
          streamId: streams.organization(organizationIntegrationId),
          events: [record],
          expectedVersion: version,
        });
      }
      for (const command of chunk) {
        const version = (await store.readStream(streams.commands(command.integrationId))).streamVersion;
        writes.push({
          streamId: streams.commands(command.integrationId),
          events: [command.event],
          expectedVersion: version === 0 ? "no_stream" : version,
        });
      }
      try {
        await store.appendToStreams(writes);
        break;
      } catch (error) {
        if (!(error instanceof MultiStreamConflictError) || attempt >= 5) throw error;
      }
    }
    if (commands.length === 0) break;
  }
}
