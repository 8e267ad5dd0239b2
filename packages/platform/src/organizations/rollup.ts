import type { AssetReportView, Severity } from "@vigil/events";
import type { IntegrationSummary } from "../views/platform-views.ts";

/** One member account in the organization's roll-up. */
export interface MemberRollup {
  accountId: string | undefined;
  integrationId: string;
  status: string;
  keyId: string | null;
  assets: number;
  /** Failed check results, and by severity, over the latest report of each asset. */
  failed: number;
  failedBySeverity: Partial<Record<Severity, number>>;
  notAssessed: number;
  lastScan: IntegrationSummary["lastScan"] | null;
}

/**
 * Totals are the organization's posture now: accounts that left (status `deleted`) are listed with
 * their last report but not counted in the assets and findings.
 */
export interface OrganizationRollup {
  accounts: number;
  byStatus: Record<string, number>;
  assets: number;
  failed: number;
  failedBySeverity: Partial<Record<Severity, number>>;
  notAssessed: number;
  byAccount: MemberRollup[];
}

/** Counts and findings of an organization, by account and severity (pure: from the views). */
export function organizationRollup(
  members: readonly IntegrationSummary[],
  reports: ReadonlyMap<string, readonly AssetReportView[]>,
): OrganizationRollup {
  const byAccount = members
    .map((m): MemberRollup => {
      const failedBySeverity: Partial<Record<Severity, number>> = {};
      let failed = 0;
      let notAssessed = 0;
      const assets = reports.get(m.integrationId) ?? [];
      for (const r of assets) {
        failed += r.totals.fail;
        notAssessed += r.totals.error;
        for (const [severity, n] of Object.entries(r.failedBySeverity) as [Severity, number][])
          failedBySeverity[severity] = (failedBySeverity[severity] ?? 0) + n;
      }
      return {
        accountId: m.accountId,
        integrationId: m.integrationId,
        status: m.status,
        keyId: m.keyId ?? null,
        assets: assets.length,
        failed,
        failedBySeverity,
        notAssessed,
        lastScan: m.lastScan ?? null,
      };
    })
    .sort((a, b) => (a.accountId ?? "").localeCompare(b.accountId ?? ""));
  const failedBySeverity: Partial<Record<Severity, number>> = {};
  const byStatus: Record<string, number> = {};
  const counted = byAccount.filter((a) => a.status !== "deleted");
  for (const a of byAccount) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
  for (const a of counted)
    for (const [severity, n] of Object.entries(a.failedBySeverity) as [Severity, number][])
      failedBySeverity[severity] = (failedBySeverity[severity] ?? 0) + n;
  return {
    accounts: byAccount.length,
    byStatus,
    assets: counted.reduce((n, a) => n + a.assets, 0),
    failed: counted.reduce((n, a) => n + a.failed, 0),
    failedBySeverity,
    notAssessed: counted.reduce((n, a) => n + a.notAssessed, 0),
    byAccount,
  };
}
