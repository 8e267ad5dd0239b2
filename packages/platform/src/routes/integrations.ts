import { createEvent } from "@vigil/events";
import { type Context, Hono } from "hono";
import * as z from "zod";
import { hashRegistrationToken, newRegistrationToken } from "../auth/registration-token.ts";
import { issueServiceCredential } from "../auth/service-credentials.ts";
import { integrationCommand, streams } from "../event-log.ts";
import { badRequest, PlatformError } from "../http/errors.ts";
import { jsonBody } from "../http/read-body.ts";
import { decideNewRegistration, decideTokenExchange } from "../integrations/decide.ts";
import { type Env, type RouteContext, SOURCE } from "./context.ts";

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

/** Integrations and their registration tokens (admin), and the token exchange (the stack's custom resource). */
export function integrationRoutes(ctx: RouteContext): Hono<Env> {
  const { store, config, clock } = ctx;
  const app = new Hono<Env>();

  app.post("/admin/integrations", ctx.adminOnly, async (c) => {
    const body = await jsonBody(c, createIntegrationBody, "The integration");
    const integrationId = ctx.newIntegrationId();
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

  app.post("/admin/integrations/:id/registration-tokens", ctx.adminOnly, async (c) => {
    const integrationId = c.req.param("id");
    const token = newRegistrationToken(integrationId);
    const expiresAt = await integrationCommand(store, integrationId, (found) => {
      const decision = decideNewRegistration(found, integrationId);
      if (!decision.ok) throw decision.error;
      const ledger = decision.value;
      const now = clock();
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
      return { events: [event], result: expiresAt };
    });
    return c.json({ integrationId, registrationToken: token, expiresAt }, 201);
  });

  // --- token exchange: callable by a CloudFormation custom resource with only the token ---------

  app.post("/registrations/exchange", async (c) => {
    await ctx.access.refuseIfBlocked(c);
    const body = await jsonBody(c, exchangeBody, "The exchange request");
    try {
      return await exchange(c, body);
    } catch (error) {
      // A wrong token counts like a wrong password: guessing is rate limited per address.
      if (error instanceof PlatformError && error.code === "registration_token_invalid")
        await ctx.access.failed(c);
      throw error;
    }
  });

  async function exchange(c: Context<Env>, body: z.infer<typeof exchangeBody>) {
    const integrationId = body.token.split(".")[1] ?? "";
    if (integrationId === "") {
      const refused = decideTokenExchange(undefined, body.token, clock(), config.registrationTokenTtlMs);
      if (!refused.ok) throw refused.error;
    }
    const credential = issueServiceCredential(integrationId);
    const parameterName = body.parameterName ?? `/vigil/${integrationId}/service-key`;
    // A concurrent exchange of the same token: the loser decides again on the winner's
    // credential and is refused as `registration_token_used`.
    await integrationCommand(store, integrationId, (ledger) => {
      const now = clock();
      const decision = decideTokenExchange(ledger, body.token, now, config.registrationTokenTtlMs);
      if (!decision.ok) throw decision.error;
      if (body.accountId !== undefined && body.accountId !== decision.value.accountId) {
        throw badRequest(
          "account_mismatch",
          `This token was issued for account ${decision.value.accountId}, not ${body.accountId}; install the stack in the account the integration was created for.`,
        );
      }
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
      return { events: [event], result: undefined };
    });
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
  }

  return app;
}
