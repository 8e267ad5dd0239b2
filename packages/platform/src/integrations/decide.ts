import type { VigilEvent } from "@vigil/events";
import { parseRegistrationToken, tokenMatchesHash } from "../auth/registration-token.ts";
import { conflict, forbidden, gone, notFound, type PlatformError, unauthorized } from "../http/errors.ts";
import { agentMayReport } from "../ingest/agent-events.ts";
import type { IntegrationLedger } from "./ledger.ts";

/**
 * Pure decisions: given what the log says and what the caller sent, either the data of the events
 * to append or the refusal. No I/O here; handlers read, call these, then append.
 */

export type Decision<T> = { ok: true; value: T } | { ok: false; error: PlatformError };
const accept = <T>(value: T): Decision<T> => ({ ok: true, value });
const refuse = (error: PlatformError): Decision<never> => ({ ok: false, error });

export interface ExchangeDecision {
  registrationEventId: string;
  accountId: string;
}

/** May this registration token be exchanged for service credentials now? */
/** May the admin issue a new registration token for this integration now? */
export function decideNewRegistration(
  ledger: IntegrationLedger | undefined,
  integrationId: string,
): Decision<IntegrationLedger> {
  if (!ledger) return refuse(notFound("integration_not_found", `No integration ${integrationId}.`));
  if (ledger.lifecycle === "deleting") {
    return refuse(
      conflict(
        "integration_deleting",
        `Integration ${integrationId} is being deleted (its stack is cleaning up); issue a new token once it is deleted, to install the stack again.`,
      ),
    );
  }
  // A deleted integration may be installed again: the new token opens a new installation, and
  // the history of the previous ones stays in the integration's stream.
  return accept(ledger);
}

export function decideTokenExchange(
  ledger: IntegrationLedger | undefined,
  token: string,
  now: Date,
  ttlMs: number,
): Decision<ExchangeDecision> {
  const invalid = unauthorized(
    "registration_token_invalid",
    "The registration token is not one the platform issued. Copy it again from the platform (POST /admin/integrations) — tokens look like vigil-rt.<integration id>.<secret>.",
  );
  if (!parseRegistrationToken(token) || !ledger?.registration) return refuse(invalid);
  const registration = ledger.registration;
  if (!tokenMatchesHash(token, registration.tokenSha256)) {
    // Possibly an older token of this integration: say so when we can tell.
    return refuse(invalid);
  }
  if (ledger.lifecycle === "deleting" || ledger.lifecycle === "deleted") {
    return refuse(
      conflict(
        "integration_deleted",
        `Integration ${ledger.integrationId} is ${ledger.lifecycle}; create a new one.`,
      ),
    );
  }
  const usedAt = ledger.exchanged.get(registration.eventId);
  if (usedAt) {
    return refuse(
      conflict(
        "registration_token_used",
        `This registration token was already exchanged at ${usedAt.toISOString()}; a token works once. Issue a new one with POST /admin/integrations/${ledger.integrationId}/registration-tokens.`,
      ),
    );
  }
  // The expiry recorded with the token wins; older registrations carry none.
  const expiresAt = registration.expiresAt ?? new Date(registration.requestedAt.getTime() + ttlMs);
  if (now.getTime() >= expiresAt.getTime()) {
    return refuse(
      gone(
        "registration_token_expired",
        `This registration token expired at ${expiresAt.toISOString()} (tokens live ${Math.round(ttlMs / 60000)} minutes). Issue a new one with POST /admin/integrations/${ledger.integrationId}/registration-tokens.`,
      ),
    );
  }
  return accept({ registrationEventId: registration.eventId, accountId: ledger.accountId });
}

/** Is `keyId` the current credential of a live integration? */
export function decideAgentKey(
  ledger: IntegrationLedger | undefined,
  keyId: string,
): Decision<IntegrationLedger> {
  if (ledger?.lifecycle === "deleted") {
    return refuse(
      forbidden(
        "integration_deleted",
        `Integration ${ledger.integrationId} is deleted; it may not report. Install the stack again with a new registration token.`,
      ),
    );
  }
  const revokedAt = ledger?.revoked.get(keyId);
  if (revokedAt) {
    return refuse(
      unauthorized(
        "credentials_revoked",
        `Key ${keyId} was revoked at ${revokedAt.toISOString()} (the stack's registration did not complete); issue a new registration token with POST /admin/integrations/${ledger?.integrationId}/registration-tokens and update or recreate the stack with it.`,
      ),
    );
  }
  if (!ledger || ledger.credential?.keyId !== keyId) {
    return refuse(
      unauthorized(
        "unknown_key",
        `Key ${keyId} was not issued by this platform or has been replaced; re-register the integration to get new credentials.`,
      ),
    );
  }
  return accept(ledger);
}

/**
 * May the holder of `keyId` give it back? Only the current key of a live integration, and not while
 * the integration is being deleted (the stack's teardown still signs with it). A key already
 * revoked is accepted, so a revocation whose answer was lost can be retried; the handler records
 * nothing for it.
 */
export function decideRevocation(
  ledger: IntegrationLedger | undefined,
  keyId: string,
): Decision<IntegrationLedger> {
  if (ledger?.revoked.has(keyId)) return accept(ledger);
  const current = decideAgentKey(ledger, keyId);
  if (!current.ok) return current;
  if (current.value.lifecycle === "deleting") {
    return refuse(
      conflict(
        "integration_deleting",
        `Integration ${current.value.integrationId} is being deleted; its key stays valid until the stack's teardown has reported, and is refused once the integration is deleted.`,
      ),
    );
  }
  return current;
}

export interface BatchIssue {
  index: number;
  code: string;
  message: string;
}

/** Every event of a batch must belong to the signing integration and be of a type agents report. */
export function decideReportBatch(ledger: IntegrationLedger, events: readonly VigilEvent[]): BatchIssue[] {
  const issues: BatchIssue[] = [];
  events.forEach((event, index) => {
    if (event.integrationid !== ledger.integrationId) {
      issues.push({
        index,
        code: "integration_mismatch",
        message: `integrationid is "${event.integrationid}" but the request is signed for integration ${ledger.integrationId}.`,
      });
    } else if (!agentMayReport(event.type)) {
      issues.push({
        index,
        code: "event_type_not_allowed",
        message: `${event.type} is recorded by the platform itself (registration, credentials, release hashes, commands such as update.requested); agents report what they observe: scans, counts, their updates, EBS scans, heartbeats and their stack's lifecycle.`,
      });
    } else {
      const claimed = accountsClaimed(event);
      const foreign = claimed.find((c) => c.accountId !== ledger.accountId);
      if (foreign) {
        issues.push({
          index,
          code: "account_mismatch",
          message: `${foreign.path} is ${foreign.accountId} but integration ${ledger.integrationId} covers account ${ledger.accountId}.`,
        });
      }
    }
  });
  return issues;
}

/** The account ids an event speaks for: its own `accountId` and that of the asset it reports on. */
function accountsClaimed(event: VigilEvent): { path: string; accountId: string }[] {
  const data = event.data as { accountId?: unknown; asset?: { accountId?: unknown } };
  const out: { path: string; accountId: string }[] = [];
  if (typeof data.accountId === "string") out.push({ path: "data.accountId", accountId: data.accountId });
  if (typeof data.asset?.accountId === "string")
    out.push({ path: "data.asset.accountId", accountId: data.asset.accountId });
  return out;
}
