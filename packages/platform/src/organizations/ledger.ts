import type { VigilEvent } from "@vigil/events";

/** What the platform knows of one organization integration, folded from `organization#<id>`. */
export interface OrganizationLedger {
  organizationIntegrationId: string;
  organizationId: string;
  homeRegion: string;
  managementAccountId?: string;
  registeredAt: Date;
  /** Number of events in the stream: the expected version of the next append. */
  version: number;
  secrets: Map<string, EnrollmentSecretState>;
  scans: Map<string, OrganizationScanState>;
}

export interface EnrollmentSecretState {
  secretId: string;
  sha256: string;
  issuedAt: Date;
  expiresAt: Date;
  revokedAt?: Date;
  revokedBy?: string;
}

export interface OrganizationScanState {
  scanId: string;
  requestedAt: Date;
  requestedBy: string;
  accounts: { accountId: string; notBefore: string }[];
}

export function foldOrganizationLedger(
  organizationIntegrationId: string,
  events: readonly VigilEvent[],
): OrganizationLedger | undefined {
  let ledger: OrganizationLedger | undefined;
  for (const event of events) {
    if (event.type === "vigil.organization.registered.v1") {
      ledger ??= {
        organizationIntegrationId,
        organizationId: event.data.organizationId,
        homeRegion: event.data.homeRegion,
        ...(event.data.managementAccountId ? { managementAccountId: event.data.managementAccountId } : {}),
        registeredAt: new Date(event.time),
        version: events.length,
        secrets: new Map(),
        scans: new Map(),
      };
      continue;
    }
    if (!ledger) continue;
    switch (event.type) {
      case "vigil.organization.enrollment-secret-issued.v1":
        ledger.secrets.set(event.data.secretId, {
          secretId: event.data.secretId,
          sha256: event.data.secretSha256,
          issuedAt: new Date(event.time),
          expiresAt: new Date(event.data.expiresAt),
        });
        break;
      case "vigil.organization.enrollment-secret-revoked.v1": {
        const secret = ledger.secrets.get(event.data.secretId);
        if (secret && !secret.revokedAt) {
          secret.revokedAt = new Date(event.data.revokedAt);
          secret.revokedBy = event.data.revokedBy;
        }
        break;
      }
      case "vigil.organization.scan-requested.v1":
        ledger.scans.set(event.data.scanId, {
          scanId: event.data.scanId,
          requestedAt: new Date(event.time),
          requestedBy: event.data.requestedBy,
          accounts: event.data.accounts,
        });
        break;
      default:
        break;
    }
  }
  return ledger;
}
