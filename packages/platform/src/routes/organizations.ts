import { createHash } from "node:crypto";
import { createEvent, ExpectedVersionConflictError, organizationIdSchema } from "@vigil/events";
import { type Context, Hono } from "hono";
import * as z from "zod";
import { issueServiceCredential } from "../auth/service-credentials.ts";
import { integrationCommand, readTypedStream, streams } from "../event-log.ts";
import { badRequest, conflict, PlatformError } from "../http/errors.ts";
import { jsonBody } from "../http/read-body.ts";
import {
  AUDIENCE_HEADER,
  checkPresignedRequest,
  checkSamePrincipal,
  executeIdentityProof,
  PRESIGNED_MAX_AGE_MS,
  PRESIGNED_MAX_FUTURE_MS,
  presignedRequestSchema,
} from "../organizations/aws-identity.ts";
import {
  DEFAULT_ENROLLMENT_SECRET_TTL_MS,
  decideEnrollment,
  decideEnrollmentSecret,
  invalidSecret,
  MAX_ENROLLMENT_SECRET_TTL_MS,
  organizationNotFound,
} from "../organizations/decide.ts";
import { foldOrganizationLedger, type OrganizationLedger } from "../organizations/ledger.ts";
import { organizationRollup } from "../organizations/rollup.ts";
import {
  hashEnrollmentSecret,
  memberIntegrationId,
  newEnrollmentSecret,
  parseEnrollmentSecret,
} from "../organizations/secrets.ts";
import { type Env, type RouteContext, SOURCE } from "./context.ts";

const accountId = z.string().regex(/^\d{12}$/, "a 12-digit AWS account id");
const region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "an AWS region code such as eu-west-1");

const secretExpiry = z
  .object({
    /** Days from now (1–366); or `expiresAt`. Default 90 days. */
    validForDays: z.number().int().min(1).max(366).optional(),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((v) => v.validForDays === undefined || v.expiresAt === undefined, {
    message: "give validForDays or expiresAt, not both",
  });

const createOrganizationBody = z.object({
  organizationId: organizationIdSchema,
  homeRegion: region,
  managementAccountId: accountId.optional(),
  enrollmentSecret: secretExpiry.default({}),
});

const revokeSecretBody = z.object({ reason: z.string().max(1024).optional() });

const enrollBody = z.object({
  enrollmentSecret: z.string().min(1, "the enrollment secret the StackSet passes to every stack"),
  /** What the member stack says it is; each is checked against what AWS answers. */
  integrationId: z.string().min(1).max(128),
  accountId,
  organizationId: z.string().min(1).max(64),
  homeRegion: region,
  /** Presigned sts:GetCallerIdentity, and organizations:DescribeOrganization with the same key. */
  identity: presignedRequestSchema,
  organization: presignedRequestSchema,
  /** SSM parameter the caller stores the private key in (recorded, never read by the platform). */
  parameterName: z.string().startsWith("/").max(1024).optional(),
});

/** One organization integration per AWS Organization: its id is derived from the organization's. */
export function organizationIntegrationIdOf(organizationId: string): string {
  const digest = createHash("sha256").update(`vigil-organization\n${organizationId}`).digest();
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  let out = "";
  for (let i = 0; out.length < 12; i++) out += alphabet[(digest[i] as number) & 31];
  return `org-${out}`;
}

export async function readOrganization(
  ctx: Pick<RouteContext, "store">,
  id: string,
): Promise<OrganizationLedger | undefined> {
  const { events, version } = await readTypedStream(ctx.store, streams.organization(id));
  const ledger = foldOrganizationLedger(id, events);
  if (ledger) ledger.version = version;
  return ledger;
}

/** The audience a member's presigned requests must sign: this platform, this organization. */
export function enrollmentAudience(origin: string, organizationIntegrationId: string): string {
  return `${origin.replace(/\/+$/, "")}/organizations/${organizationIntegrationId}`;
}

/**
 * Organization integrations (admin): register an AWS Organization, issue and revoke its enrollment
 * secrets, read its members and roll-up; and enrollment (public: the member stack's custom
 * resource, proving its account with presigned AWS requests and the secret).
 */
export function organizationRoutes(ctx: RouteContext): Hono<Env> {
  const { store, clock } = ctx;
  const app = new Hono<Env>();
  const who = (c: Context<Env>) => c.get("principal")?.user ?? "admin";

  function expiryOf(body: z.infer<typeof secretExpiry>, now: Date): Date {
    const expiresAt = body.expiresAt
      ? new Date(body.expiresAt)
      : new Date(
          now.getTime() +
            (body.validForDays ? body.validForDays * 86_400_000 : DEFAULT_ENROLLMENT_SECRET_TTL_MS),
        );
    const ttl = expiresAt.getTime() - now.getTime();
    if (ttl <= 0 || ttl > MAX_ENROLLMENT_SECRET_TTL_MS) {
      throw badRequest(
        "expiry_out_of_range",
        `An enrollment secret expires after now and within 366 days; ${expiresAt.toISOString()} is not.`,
      );
    }
    return expiresAt;
  }

  function secretIssued(organization: { id: string; organizationId: string }, expiresAt: Date, by: string) {
    const { secretId, secret } = newEnrollmentSecret(organization.id);
    const now = clock();
    const event = createEvent(
      "vigil.organization.enrollment-secret-issued.v1",
      {
        organizationId: organization.organizationId,
        secretId,
        secretSha256: hashEnrollmentSecret(secret),
        expiresAt: expiresAt.toISOString(),
        issuedBy: by,
      },
      { source: SOURCE, integrationId: organization.id, time: now },
    );
    return { event, answer: { secretId, enrollmentSecret: secret, expiresAt: expiresAt.toISOString() } };
  }

  app.post("/admin/organizations", ctx.adminOnly, async (c) => {
    const body = await jsonBody(c, createOrganizationBody, "The organization");
    const id = organizationIntegrationIdOf(body.organizationId);
    const now = clock();
    const registered = createEvent(
      "vigil.organization.registered.v1",
      {
        organizationId: body.organizationId,
        homeRegion: body.homeRegion,
        ...(body.managementAccountId ? { managementAccountId: body.managementAccountId } : {}),
        registeredBy: who(c),
      },
      { source: SOURCE, integrationId: id, time: now },
    );
    const secret = secretIssued(
      { id, organizationId: body.organizationId },
      expiryOf(body.enrollmentSecret, now),
      who(c),
    );
    try {
      await store.appendToStream(streams.organization(id), [registered, secret.event], {
        expectedVersion: "no_stream",
      });
    } catch (error) {
      if (error instanceof ExpectedVersionConflictError) {
        throw conflict(
          "organization_exists",
          `Organization ${body.organizationId} is already integration ${id}: one integration per AWS Organization. Issue a new enrollment secret with POST /admin/organizations/${id}/enrollment-secrets.`,
        );
      }
      throw error;
    }
    return c.json(
      {
        organizationIntegrationId: id,
        organizationId: body.organizationId,
        homeRegion: body.homeRegion,
        ...secret.answer,
        stackSetParameters: {
          IntegrationId: id,
          OrganizationId: body.organizationId,
          EnrollmentSecret: "<enrollmentSecret>",
        },
      },
      201,
    );
  });

  app.post("/admin/organizations/:id/enrollment-secrets", ctx.adminOnly, async (c) => {
    const id = c.req.param("id");
    const body = await jsonBody(c, secretExpiry, "The enrollment secret");
    const organization = await readOrganization(ctx, id);
    if (!organization) throw organizationNotFound(id);
    const secret = secretIssued(
      { id, organizationId: organization.organizationId },
      expiryOf(body, clock()),
      who(c),
    );
    // Issuing never conflicts with anything: append whatever the stream's version now is.
    await store.appendToStream(streams.organization(id), [secret.event], { expectedVersion: "any" });
    return c.json({ organizationIntegrationId: id, ...secret.answer }, 201);
  });

  app.post("/admin/organizations/:id/enrollment-secrets/:secretId/revoke", ctx.adminOnly, async (c) => {
    const id = c.req.param("id");
    const secretId = c.req.param("secretId");
    const body = await jsonBody(c, revokeSecretBody, "The revocation");
    const organization = await readOrganization(ctx, id);
    if (!organization) throw organizationNotFound(id);
    const secret = organization.secrets.get(secretId);
    if (!secret) {
      throw new PlatformError(
        404,
        "enrollment_secret_not_found",
        `Organization ${id} has no secret ${secretId}.`,
      );
    }
    if (secret.revokedAt) {
      return c.json({
        organizationIntegrationId: id,
        secretId,
        revokedAt: secret.revokedAt.toISOString(),
        alreadyRevoked: true,
      });
    }
    const now = clock();
    const event = createEvent(
      "vigil.organization.enrollment-secret-revoked.v1",
      {
        organizationId: organization.organizationId,
        secretId,
        revokedAt: now.toISOString(),
        revokedBy: who(c),
        ...(body.reason === undefined ? {} : { reason: body.reason }),
      },
      { source: SOURCE, integrationId: id, time: now },
    );
    await store.appendToStream(streams.organization(id), [event], { expectedVersion: organization.version });
    return c.json({
      organizationIntegrationId: id,
      secretId,
      revokedAt: now.toISOString(),
      alreadyRevoked: false,
    });
  });

  app.get("/api/organizations", ctx.readers, async (c) => {
    await ctx.views.refresh();
    const all = await ctx.views.integrations();
    const ids = [
      ...new Set(all.flatMap((i) => (i.organizationIntegrationId ? [i.organizationIntegrationId] : []))),
    ];
    const organizations = await ctx.views.organizations();
    return c.json({
      organizations: organizations.map((o) => ({
        ...o,
        members: all.filter((i) => i.organizationIntegrationId === o.organizationIntegrationId).length,
      })),
      // Members whose organization is not registered here (should not happen) are listed apart.
      orphans: ids.filter((id) => !organizations.some((o) => o.organizationIntegrationId === id)),
    });
  });

  app.get("/api/organizations/:id", ctx.readers, async (c) => {
    const id = c.req.param("id");
    const [organization] = await Promise.all([readOrganization(ctx, id), ctx.views.refresh()]);
    if (!organization) throw organizationNotFound(id);
    const members = (await ctx.views.integrations()).filter((i) => i.organizationIntegrationId === id);
    const reports = new Map(
      await Promise.all(
        members.map(async (m) => [m.integrationId, await ctx.views.assets(m.integrationId)] as const),
      ),
    );
    return c.json({
      organization: {
        organizationIntegrationId: id,
        organizationId: organization.organizationId,
        homeRegion: organization.homeRegion,
        managementAccountId: organization.managementAccountId ?? null,
        registeredAt: organization.registeredAt.toISOString(),
        secrets: [...organization.secrets.values()].map((s) => ({
          secretId: s.secretId,
          issuedAt: s.issuedAt.toISOString(),
          expiresAt: s.expiresAt.toISOString(),
          revokedAt: s.revokedAt?.toISOString() ?? null,
          status: s.revokedAt ? "revoked" : s.expiresAt <= clock() ? "expired" : "valid",
        })),
      },
      members,
      rollup: organizationRollup(members, reports),
    });
  });

  // --- enrollment: callable by a member stack's custom resource, with the secret and AWS's word ----

  app.post("/organizations/enroll", async (c) => {
    await ctx.access.refuseIfBlocked(c);
    const body = await jsonBody(c, enrollBody, "The enrollment");
    try {
      return await enroll(c, body);
    } catch (error) {
      // Guessing secrets is rate limited per address, like tokens and passwords.
      if (error instanceof PlatformError && error.code.startsWith("enrollment_secret_"))
        await ctx.access.failed(c);
      throw error;
    }
  });

  async function enroll(c: Context<Env>, body: z.infer<typeof enrollBody>) {
    const parsed = parseEnrollmentSecret(body.enrollmentSecret);
    if (!parsed) throw invalidSecret();
    const organization = await readOrganization(ctx, parsed.organizationIntegrationId);
    const now = clock();
    const secret = decideEnrollmentSecret(organization, body.enrollmentSecret, now);
    if (!secret.ok) throw secret.error;
    const org = organization as OrganizationLedger;
    const expected = {
      audience: enrollmentAudience(
        ctx.config.publicOrigin ?? new URL(c.req.url).origin,
        org.organizationIntegrationId,
      ),
      now,
      endpoints: ctx.config.awsEndpoints ?? {},
    };
    const identity = checkPresignedRequest("identity", body.identity, expected);
    const orgProof = checkPresignedRequest("organization", body.organization, expected);
    checkSamePrincipal(identity, orgProof);
    // Each presigned request is accepted once, for as long as it could pass the checks above.
    for (const request of [identity, orgProof]) {
      const forgetAfter = new Date(
        request.signedAt.getTime() + PRESIGNED_MAX_AGE_MS + PRESIGNED_MAX_FUTURE_MS,
      );
      if (
        !(await ctx.replayGuard.firstUse(`aws-sigv4:${request.authorization.signature}`, forgetAfter, now))
      ) {
        throw new PlatformError(
          401,
          "identity_replayed",
          `This presigned ${request.kind === "identity" ? "identity" : "organization"} request was already used; sign new ones for every enrollment.`,
        );
      }
    }
    const proven = await executeIdentityProof(identity, orgProof, ctx.awsSend);
    const integrationId = memberIntegrationId(org.organizationIntegrationId, proven.accountId);
    const credential = issueServiceCredential(integrationId);
    const parameterName = body.parameterName ?? `/vigil/${integrationId}/service-key`;
    await integrationCommand(store, integrationId, (member) => {
      const decision = decideEnrollment(
        org,
        member,
        { integrationId: body.integrationId, accountId: body.accountId, organizationId: body.organizationId },
        proven,
      );
      if (!decision.ok) throw decision.error;
      const at = clock();
      const enrolled = createEvent(
        "vigil.organization.account-enrolled.v1",
        {
          organizationId: org.organizationId,
          organizationIntegrationId: org.organizationIntegrationId,
          accountId: proven.accountId,
          homeRegion: body.homeRegion,
          callerArn: proven.arn,
          secretId: secret.value.secretId,
        },
        { source: SOURCE, integrationId, time: at },
      );
      const issued = createEvent(
        "vigil.integration.credentials-issued.v1",
        {
          accountId: proven.accountId,
          credentialId: credential.keyId,
          issuedAt: at.toISOString(),
          parameterName,
        },
        { source: SOURCE, integrationId, time: at, causationId: enrolled.id },
      );
      return { events: [enrolled, issued], result: undefined };
    });
    return c.json(
      {
        integrationId,
        organizationIntegrationId: org.organizationIntegrationId,
        accountId: proven.accountId,
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

export { AUDIENCE_HEADER };
