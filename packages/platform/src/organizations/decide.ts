import { conflict, forbidden, gone, notFound, type PlatformError, unauthorized } from "../http/errors.ts";
import type { Decision } from "../integrations/decide.ts";
import type { IntegrationLedger } from "../integrations/ledger.ts";
import type { ProvenIdentity } from "./aws-identity.ts";
import type { OrganizationLedger } from "./ledger.ts";
import { memberIntegrationId, parseEnrollmentSecret, secretMatchesHash } from "./secrets.ts";

/**
 * Pure decisions of organization enrollment: given what the log says, what the caller sent and,
 * for the last one, what AWS answered, either the data of the events to append or the refusal.
 */

const accept = <T>(value: T): Decision<T> => ({ ok: true, value });
const refuse = (error: PlatformError): Decision<never> => ({ ok: false, error });

/** Secrets live at most a year: auto-deployment enrolls accounts that join later, but not forever. */
export const MAX_ENROLLMENT_SECRET_TTL_MS = 366 * 24 * 60 * 60_000;
export const DEFAULT_ENROLLMENT_SECRET_TTL_MS = 90 * 24 * 60 * 60_000;

export function invalidSecret(): PlatformError {
  return unauthorized(
    "enrollment_secret_invalid",
    "The enrollment secret is not one this platform issued for an organization; copy it again from POST /admin/organizations/<id>/enrollment-secrets (it looks like vigil-es.<organization integration id>.<secret id>.<secret>).",
  );
}

/** Is the enrollment secret valid now: issued for this organization integration, not revoked, not expired? */
export function decideEnrollmentSecret(
  organization: OrganizationLedger | undefined,
  secret: string,
  now: Date,
): Decision<{ secretId: string }> {
  const parsed = parseEnrollmentSecret(secret);
  if (!parsed || !organization || parsed.organizationIntegrationId !== organization.organizationIntegrationId)
    return refuse(invalidSecret());
  const state = organization.secrets.get(parsed.secretId);
  if (!state || !secretMatchesHash(secret, state.sha256)) return refuse(invalidSecret());
  if (state.revokedAt) {
    return refuse(
      unauthorized(
        "enrollment_secret_revoked",
        `Enrollment secret ${state.secretId} was revoked at ${state.revokedAt.toISOString()}; update the StackSet with a current secret (POST /admin/organizations/${organization.organizationIntegrationId}/enrollment-secrets).`,
      ),
    );
  }
  if (now.getTime() >= state.expiresAt.getTime()) {
    return refuse(
      gone(
        "enrollment_secret_expired",
        `Enrollment secret ${state.secretId} expired at ${state.expiresAt.toISOString()}; issue a new one (POST /admin/organizations/${organization.organizationIntegrationId}/enrollment-secrets) and update the StackSet's EnrollmentSecret.`,
      ),
    );
  }
  return accept({ secretId: state.secretId });
}

export interface EnrollmentClaims {
  /** What the member stack says it is: its integration id, account and organization. */
  integrationId: string;
  accountId: string;
  organizationId: string;
}

/**
 * May the account AWS proved enroll in this organization integration? Only an account of the
 * organization the secret is bound to, as the stack claims it and as AWS Organizations says, as
 * the member integration its stack names.
 */
export function decideEnrollment(
  organization: OrganizationLedger,
  member: IntegrationLedger | undefined,
  claims: EnrollmentClaims,
  proven: ProvenIdentity,
): Decision<{ integrationId: string }> {
  if (claims.organizationId !== organization.organizationId) {
    return refuse(
      forbidden(
        "organization_mismatch",
        `The stack says it belongs to organization ${claims.organizationId}, but this enrollment secret is bound to ${organization.organizationId}.`,
      ),
    );
  }
  if (proven.organizationId !== organization.organizationId) {
    return refuse(
      forbidden(
        "organization_mismatch",
        `AWS Organizations says account ${proven.accountId} is in organization ${proven.organizationId}, not ${organization.organizationId}; only accounts of ${organization.organizationId} may enroll.`,
      ),
    );
  }
  if (claims.accountId !== proven.accountId) {
    return refuse(
      forbidden(
        "account_mismatch",
        `The presigned identity is account ${proven.accountId}, but the stack enrolling is in account ${claims.accountId}; each account proves its own identity.`,
      ),
    );
  }
  const expected = memberIntegrationId(organization.organizationIntegrationId, proven.accountId);
  if (claims.integrationId !== expected) {
    return refuse(
      forbidden(
        "integration_mismatch",
        `Account ${proven.accountId} of this organization is integration ${expected}, not ${claims.integrationId}.`,
      ),
    );
  }
  if (member?.lifecycle === "deleting") {
    return refuse(
      conflict(
        "integration_deleting",
        `Integration ${expected} is being deleted (its stack is cleaning up); enroll again once it is deleted.`,
      ),
    );
  }
  if (member && member.deployment !== "organization") {
    return refuse(
      conflict(
        "integration_not_member",
        `Integration ${expected} was created as a single-account integration; it cannot enroll as a member.`,
      ),
    );
  }
  return accept({ integrationId: expected });
}

export function organizationNotFound(id: string): PlatformError {
  return notFound(
    "organization_not_found",
    `No organization integration ${id}. List them with GET /api/organizations.`,
  );
}
