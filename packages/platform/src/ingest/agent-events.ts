/**
 * Who may record what. An agent (and its updater) reports facts about its own account: scans,
 * counts, its updates, EBS scans, heartbeats and its stack's lifecycle. Registration, credentials,
 * release hashes and commands to the agent (`update.requested`) are the platform's alone: an agent
 * recording one could, e.g., make its own log claim the platform ordered an update. Every type of
 * the catalogue is in exactly one of the two sets (a test holds it), so a new type must be placed.
 */
export const AGENT_EMITTED_TYPES: ReadonlySet<string> = new Set([
  "vigil.integration.heartbeat.v2",
  "vigil.integration.stack-created.v1",
  "vigil.integration.stack-updated.v1",
  "vigil.integration.delete-requested.v1",
  "vigil.integration.resources-cleaned-up.v1",
  "vigil.integration.deleted.v1",
  // The agent records the scans it starts itself (its schedule, EC2 state changes).
  "vigil.scan.requested.v1",
  "vigil.scan.started.v1",
  "vigil.scan.region-discovered.v1",
  "vigil.scan.asset-discovered.v1",
  "vigil.scan.asset-assessed.v1",
  "vigil.scan.shard-completed.v1",
  "vigil.scan.shard-digest.v1",
  "vigil.scan.completed.v1",
  "vigil.scan.paused-for-rate-limit.v1",
  "vigil.scan.resumed.v1",
  "vigil.scan.failed.v1",
  "vigil.counts.resource-counts-reported.v1",
  "vigil.update.check-started.v1",
  "vigil.update.check-failed.v1",
  "vigil.update.available.v1",
  "vigil.update.applied.v1",
  "vigil.update.refused.v1",
  "vigil.update.rolled-back.v1",
  "vigil.update.alert-raised.v1",
  "vigil.ebs.volumes-planned.v1",
  "vigil.ebs.snapshot-created.v1",
  "vigil.ebs.volume-created.v1",
  "vigil.ebs.volume-attached.v1",
  "vigil.ebs.scanned.v1",
  "vigil.ebs.volume-detached.v1",
  "vigil.ebs.cleaned.v1",
  "vigil.ebs.volume-skipped.v1",
  "vigil.ebs.scanner-scaled.v1",
  "vigil.ebs.leftover-deleted.v1",
]);

export const PLATFORM_ONLY_TYPES: ReadonlySet<string> = new Set([
  "vigil.integration.registration-requested.v1",
  "vigil.integration.credentials-issued.v1",
  "vigil.integration.credentials-revoked.v1",
  // Organizations: the admin's registration, secrets and scans, and what enrollment verified.
  "vigil.organization.registered.v1",
  "vigil.organization.enrollment-secret-issued.v1",
  "vigil.organization.enrollment-secret-revoked.v1",
  "vigil.organization.account-enrolled.v1",
  "vigil.organization.scan-requested.v1",
  "vigil.update.requested.v1",
  "vigil.scan.settings-changed.v1",
  "vigil.release.hashes-recorded.v1",
]);

/** Lifecycle facts an agent reports: kept in the integration's stream, where decisions read them. */
export const LIFECYCLE_REPORTS: ReadonlySet<string> = new Set([
  "vigil.integration.stack-created.v1",
  "vigil.integration.stack-updated.v1",
  "vigil.integration.delete-requested.v1",
  "vigil.integration.resources-cleaned-up.v1",
  "vigil.integration.deleted.v1",
]);

export function agentMayReport(type: string): boolean {
  return AGENT_EMITTED_TYPES.has(type);
}
