import * as z from "zod";
import {
  accountIdSchema,
  integrationIdSchema,
  regionSchema,
  scanIdSchema,
  timestampSchema,
} from "./common.ts";
import { defineEvent } from "./define.ts";
import { lazySchema } from "./lazy.ts";

/**
 * Organization installs: one organization integration per AWS Organization, holding its member
 * accounts. Each member account is an integration of its own (`<organization integration id>-<account
 * id>`), enrolled with an enrollment secret many accounts share and a proof of the account's identity
 * (a presigned `sts:GetCallerIdentity` the platform executes), never a credential of the account.
 */

/** An AWS Organizations id, `o-` and 10 to 32 lower-case letters or digits. */
export const organizationIdSchema = lazySchema(() =>
  z.string().regex(/^o-[a-z0-9]{10,32}$/, "an AWS Organizations id such as o-a1b2c3d4e5"),
);

/** The admin registered an AWS Organization with the platform. Stream `organization#<id>`. */
export const organizationRegistered = defineEvent("vigil.organization.registered.v1", () =>
  z.object({
    organizationId: organizationIdSchema,
    /** The region the StackSet deploys the member stacks in. */
    homeRegion: regionSchema,
    /** The management account, when the admin named it (it is covered by the documented extra stack). */
    managementAccountId: accountIdSchema.optional(),
    registeredBy: z.string().min(1).max(256),
  }),
);

/**
 * A secret member accounts enroll with, bound to the organization, until `expiresAt` (the admin
 * chose it) or its revocation. Only its SHA-256 is recorded; the secret travels once, to the admin.
 */
export const organizationEnrollmentSecretIssued = defineEvent(
  "vigil.organization.enrollment-secret-issued.v1",
  () =>
    z.object({
      organizationId: organizationIdSchema,
      secretId: z.string().regex(/^[a-z0-9]{8,32}$/),
      secretSha256: z.string().regex(/^[a-f0-9]{64}$/),
      expiresAt: timestampSchema,
      issuedBy: z.string().min(1).max(256),
    }),
);

export const organizationEnrollmentSecretRevoked = defineEvent(
  "vigil.organization.enrollment-secret-revoked.v1",
  () =>
    z.object({
      organizationId: organizationIdSchema,
      secretId: z.string().regex(/^[a-z0-9]{8,32}$/),
      revokedAt: timestampSchema,
      revokedBy: z.string().min(1).max(256),
      reason: z.string().max(1024).optional(),
    }),
);

/**
 * A member account enrolled: what the platform verified — the account (from STS, executing the
 * presigned request the account signed), the organization (from Organizations, the same way) and
 * the secret. The first event of the member integration's stream (`integration#<member id>`), or
 * the start of a new installation after a deletion or a revoked key.
 */
export const organizationAccountEnrolled = defineEvent("vigil.organization.account-enrolled.v1", () =>
  z.object({
    organizationId: organizationIdSchema,
    organizationIntegrationId: integrationIdSchema,
    accountId: accountIdSchema,
    homeRegion: regionSchema,
    /** The ARN STS answered for the presigned request (the agent's role session). */
    callerArn: z.string().min(1).max(2048),
    secretId: z.string().regex(/^[a-z0-9]{8,32}$/),
  }),
);

/**
 * The admin asked for a scan of every member account (or of the ones listed): one `scan.requested`
 * per account, each delivered at its account's next check-in, starting no earlier than its offset
 * in the spread (each account scans within its own API budget). Stream `organization#<id>`.
 */
export const organizationScanRequested = defineEvent("vigil.organization.scan-requested.v1", () =>
  z.object({
    organizationId: organizationIdSchema,
    /** The organization-wide scan; each account's scan id is `<this>-<account id>`. */
    scanId: scanIdSchema,
    accounts: z
      .array(z.object({ accountId: accountIdSchema, notBefore: timestampSchema }))
      .min(1)
      .max(5000),
    requestedBy: z.string().min(1).max(256),
  }),
);
