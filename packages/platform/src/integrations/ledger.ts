import type { EventOf, VigilEvent } from "@vigil/events";

/**
 * What the platform must know about one integration to decide a token exchange or accept an agent
 * request, folded from the integration's own stream (read consistently, so two exchanges of the
 * same token cannot both pass: the second append conflicts on the stream version).
 */
export interface IntegrationLedger {
  integrationId: string;
  accountId: string;
  homeRegion: string;
  deployment: "single-account" | "organization";
  organizationId?: string;
  /** A member account of an organization integration: that integration's id. */
  organizationIntegrationId?: string;
  /** The latest enrollment of a member account (its `account-enrolled` event). */
  enrollment?: { eventId: string; enrolledAt: Date; secretId: string; callerArn: string };
  /** Number of events in the stream: the expected version of the next append. */
  version: number;
  /** The latest registration (token) the platform issued. */
  registration?: { eventId: string; tokenSha256: string; requestedAt: Date; expiresAt?: Date };
  /** Registration event ids whose token was already exchanged. */
  exchanged: Map<string, Date>;
  /** The key allowed to sign for this integration (only the latest issued, unless revoked). */
  credential?: { keyId: string; issuedAt: Date; eventId: string };
  /** Key ids the platform took back (`credentials-revoked`), with when: they never sign again. */
  revoked: Map<string, Date>;
  lifecycle: "registering" | "active" | "deleting" | "deleted";
}

type RegistrationRequested = EventOf<"vigil.integration.registration-requested.v1">;
type AccountEnrolled = EventOf<"vigil.organization.account-enrolled.v1">;

export function foldIntegrationLedger(
  integrationId: string,
  events: readonly VigilEvent[],
): IntegrationLedger | undefined {
  // A single account starts with the admin's registration; a member account with its enrollment.
  const first = events.find(
    (e): e is RegistrationRequested | AccountEnrolled =>
      e.type === "vigil.integration.registration-requested.v1" ||
      e.type === "vigil.organization.account-enrolled.v1",
  );
  if (!first) return undefined;
  const ledger: IntegrationLedger =
    first.type === "vigil.integration.registration-requested.v1"
      ? {
          integrationId,
          accountId: first.data.accountId,
          homeRegion: first.data.homeRegion,
          deployment: first.data.deployment,
          ...(first.data.organizationId === undefined ? {} : { organizationId: first.data.organizationId }),
          version: events.length,
          exchanged: new Map(),
          revoked: new Map(),
          lifecycle: "registering",
        }
      : {
          integrationId,
          accountId: first.data.accountId,
          homeRegion: first.data.homeRegion,
          deployment: "organization",
          organizationId: first.data.organizationId,
          organizationIntegrationId: first.data.organizationIntegrationId,
          version: events.length,
          exchanged: new Map(),
          revoked: new Map(),
          lifecycle: "registering",
        };
  for (const event of events) {
    switch (event.type) {
      case "vigil.integration.registration-requested.v1":
        ledger.registration = {
          eventId: event.id,
          tokenSha256: event.data.registrationTokenSha256,
          requestedAt: new Date(event.time),
          ...(event.data.registrationTokenExpiresAt
            ? { expiresAt: new Date(event.data.registrationTokenExpiresAt) }
            : {}),
        };
        // A registration after deletion opens a new installation of the same integration.
        if (ledger.lifecycle === "deleted") ledger.lifecycle = "registering";
        break;
      case "vigil.organization.account-enrolled.v1":
        ledger.enrollment = {
          eventId: event.id,
          enrolledAt: new Date(event.time),
          secretId: event.data.secretId,
          callerArn: event.data.callerArn,
        };
        // An enrollment opens a new installation (after a deletion or a revoked key), and a
        // re-enrollment of a live account replaces its key (its stack was installed again).
        if (ledger.lifecycle === "deleted") ledger.lifecycle = "registering";
        break;
      case "vigil.integration.credentials-issued.v1":
        ledger.credential = {
          keyId: event.data.credentialId,
          issuedAt: new Date(event.data.issuedAt),
          eventId: event.id,
        };
        if (event.causationid) ledger.exchanged.set(event.causationid, new Date(event.data.issuedAt));
        if (ledger.lifecycle === "registering") ledger.lifecycle = "active";
        break;
      case "vigil.integration.credentials-revoked.v1":
        // The agent gave the key back (its stack's Create failed after the exchange): the
        // installation is over and the integration waits for a new registration token.
        ledger.revoked.set(event.data.credentialId, new Date(event.data.revokedAt));
        if (ledger.credential?.keyId === event.data.credentialId) delete ledger.credential;
        if (ledger.lifecycle === "active" || ledger.lifecycle === "registering")
          ledger.lifecycle = "registering";
        break;
      case "vigil.integration.resources-cleaned-up.v1":
      case "vigil.integration.delete-requested.v1":
        if (ledger.lifecycle !== "deleted") ledger.lifecycle = "deleting";
        break;
      case "vigil.integration.deleted.v1":
        ledger.lifecycle = "deleted";
        // The deleted installation's key signs nothing any more, even after a re-installation.
        delete ledger.credential;
        break;
      default:
        break;
    }
  }
  return ledger;
}
