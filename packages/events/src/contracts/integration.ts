import * as z from "zod";
import {
  accountIdSchema,
  errorInfoSchema,
  regionSchema,
  scanIdSchema,
  semverSchema,
  timestampSchema,
} from "./common.ts";
import { defineEvent } from "./define.ts";
import { lazySchema } from "./lazy.ts";

/** Integration lifecycle: an account's installation, from registration to deletion. */

const deploymentSchema = lazySchema(() => z.enum(["single-account", "organization"]));

export const integrationRegistrationRequested = defineEvent(
  "vigil.integration.registration-requested.v1",
  () =>
    z.object({
      accountId: accountIdSchema,
      /** Where the stack was installed; the agent scans other regions from there. */
      homeRegion: regionSchema,
      deployment: deploymentSchema,
      organizationId: z
        .string()
        .regex(/^o-[a-z0-9]{10,32}$/)
        .optional(),
      /**
       * Known only once a stack exists: absent when an admin creates the integration (the token is
       * issued before any stack), set when a re-registration names the stack it replaces.
       */
      stackId: z.string().min(1).optional(),
      agentVersion: semverSchema.optional(),
      /** Hash of the one-time registration token; the token itself never travels in an event. */
      registrationTokenSha256: z.string().regex(/^[a-f0-9]{64}$/),
      /** Until when the token can be exchanged (the exchange refuses it afterwards). */
      registrationTokenExpiresAt: timestampSchema.optional(),
    }),
);

export const integrationCredentialsIssued = defineEvent("vigil.integration.credentials-issued.v1", () =>
  z.object({
    accountId: accountIdSchema,
    /** Identifier of the service credential (never the secret), for rotation and audit. */
    credentialId: z.string().min(1),
    issuedAt: timestampSchema,
    expiresAt: timestampSchema.optional(),
    /** SSM parameter the secret was written to inside the customer's account. */
    parameterName: z.string().startsWith("/"),
  }),
);

/**
 * The platform took back a credential it issued: the agent gave it back because its stack's Create
 * failed after the exchange, so nothing holds the key any more. The key signs nothing afterwards,
 * and the installation it opened is over: the integration waits for a new registration token.
 */
export const integrationCredentialsRevoked = defineEvent("vigil.integration.credentials-revoked.v1", () =>
  z.object({
    accountId: accountIdSchema,
    /** The revoked credential's id (`credentials-issued.data.credentialId`). */
    credentialId: z.string().min(1),
    revokedAt: timestampSchema,
    /** Why, as the agent said it (shown to the admin). */
    reason: z.string().max(1024).optional(),
  }),
);

const stackSchema = lazySchema(() =>
  z.object({
    stackId: z.string().min(1),
    stackName: z.string().min(1),
    region: regionSchema,
    templateVersion: semverSchema,
  }),
);

export const integrationStackCreated = defineEvent("vigil.integration.stack-created.v1", () =>
  z.object({ accountId: accountIdSchema, stack: stackSchema, enabledRegions: z.array(regionSchema) }),
);

export const integrationStackUpdated = defineEvent("vigil.integration.stack-updated.v1", () =>
  z.object({
    accountId: accountIdSchema,
    stack: stackSchema,
    previousTemplateVersion: semverSchema,
    enabledRegions: z.array(regionSchema),
  }),
);

export const integrationDeleteRequested = defineEvent("vigil.integration.delete-requested.v1", () =>
  z.object({
    accountId: accountIdSchema,
    requestedBy: z.enum(["customer", "platform", "stack-deletion"]),
    reason: z.string().max(1024).optional(),
  }),
);

export const integrationResourcesCleanedUp = defineEvent("vigil.integration.resources-cleaned-up.v1", () =>
  z.object({
    accountId: accountIdSchema,
    /** What cleanup removed, by kind (snapshots, volumes, parameters, log groups, …). */
    removed: z.record(z.string(), z.number().int().nonnegative()),
    failures: z.array(z.object({ resource: z.string(), error: errorInfoSchema })),
  }),
);

export const integrationDeleted = defineEvent("vigil.integration.deleted.v1", () =>
  z.object({ accountId: accountIdSchema, deletedAt: timestampSchema }),
);

/** First heartbeat shape; kept so old events in the log still read (upcast to v2). */
export const integrationHeartbeatV1 = defineEvent("vigil.integration.heartbeat.v1", () =>
  z.object({
    accountId: accountIdSchema,
    agentVersion: semverSchema,
    regions: z.array(regionSchema),
  }),
);

/**
 * v2 groups the component versions (agent and updater report separately since the updater
 * exists) and names the region list for what it is: the regions the agent is allowed to scan.
 */
export const integrationHeartbeat = defineEvent("vigil.integration.heartbeat.v2", () =>
  z.object({
    accountId: accountIdSchema,
    components: z.object({ agent: semverSchema, updater: semverSchema.optional() }),
    enabledRegions: z.array(regionSchema),
    lastScan: z
      .object({ scanId: scanIdSchema, status: z.enum(["running", "completed", "failed", "paused"]) })
      .optional(),
  }),
);
