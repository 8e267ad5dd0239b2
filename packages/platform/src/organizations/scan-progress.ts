import type { PlatformViews } from "../views/platform-views.ts";
import type { OrganizationLedger } from "./ledger.ts";
import { memberIntegrationId } from "./secrets.ts";

/** An organization-wide scan, account by account (the API's and the dashboard's). */
export interface OrganizationScanProgress {
  organizationIntegrationId: string;
  scanId: string;
  requestedAt: string;
  requestedBy: string;
  byStatus: Record<string, number>;
  done: boolean;
  accounts: {
    accountId: string;
    integrationId: string;
    notBefore: string;
    status: string;
    shards: { completed: number; total: number | null };
    assets: number;
    failed: number;
    startedAt: string | null;
    completedAt: string | null;
  }[];
}

/**
 * Each account's part of the scan: `waiting` before its turn (`notBefore`), `requested` once its
 * agent may take the command (at its next check-in), then what the account's own scan events say.
 */
export async function organizationScanProgress(
  views: Pick<PlatformViews, "scanProgress">,
  organization: OrganizationLedger,
  scanId: string,
  now: Date,
): Promise<OrganizationScanProgress | undefined> {
  const scan = organization.scans.get(scanId);
  if (!scan) return undefined;
  const id = organization.organizationIntegrationId;
  const accounts = await Promise.all(
    scan.accounts.map(async (a) => {
      const integrationId = memberIntegrationId(id, a.accountId);
      const progress = await views.scanProgress(integrationId, `${scanId}-${a.accountId}`);
      // Completed once its completion and every shard's digest arrived (the queue keeps no order).
      const reporting =
        progress?.status === "completed" &&
        progress.shardCount !== undefined &&
        progress.shardsCompleted < progress.shardCount;
      const status = reporting ? "running" : (progress?.status ?? "requested");
      return {
        accountId: a.accountId,
        integrationId,
        notBefore: a.notBefore,
        status: status === "requested" && new Date(a.notBefore) > now ? "waiting" : status,
        shards: { completed: progress?.shardsCompleted ?? 0, total: progress?.shardCount ?? null },
        assets: progress?.assets ?? 0,
        failed: progress?.failed ?? 0,
        startedAt: progress?.startedAt ?? null,
        completedAt: progress?.completedAt ?? null,
      };
    }),
  );
  const byStatus: Record<string, number> = {};
  for (const a of accounts) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
  return {
    organizationIntegrationId: id,
    scanId,
    requestedAt: scan.requestedAt.toISOString(),
    requestedBy: scan.requestedBy,
    byStatus,
    done: accounts.every((a) => a.status === "completed" || a.status === "failed"),
    accounts,
  };
}
