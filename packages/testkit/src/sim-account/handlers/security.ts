import { apiError } from "../errors.ts";
import { type Call, type Handler, listPage, paginate, read, readList, required, strings } from "./context.ts";

/**
 * Threat detection and data protection: GuardDuty, Amazon Inspector, Amazon Macie, AWS Backup, and
 * AWS Organizations. Each answer comes from the snapshot file of its call (docs/snapshot-format.md);
 * a missing file is "not captured" (answered as access denied). A service that is off is held as
 * the error AWS answers with (Macie's `AccessDeniedException` `Macie is not enabled.`,
 * `AWSOrganizationsNotInUseException`).
 */

// --- GuardDuty: at most one detector per region; NextToken / MaxResults 1..50 ------------------------

export const GUARDDUTY_HANDLERS: Record<string, Handler> = {
  ListDetectors: (call) => {
    const ids = readList<string>(call, "list-detectors", "DetectorIds");
    const { page, next } = paginate(ids, {
      token: call.input.NextToken,
      limit: call.input.MaxResults,
      defaultLimit: 50,
      minLimit: 1,
      maxLimit: 50,
    });
    return { DetectorIds: page, ...(next ? { NextToken: next } : {}) };
  },
  GetDetector: (call) => {
    const id = required(call.input, "DetectorId", call.operation);
    if (!readList<string>(call, "list-detectors", "DetectorIds").includes(id))
      throw apiError(
        "BadRequestException",
        "The request is rejected because the input detectorId is not owned by the current account.",
      );
    return read(call, "get-detector", { resource: id });
  },
};

// --- Inspector: BatchGetAccountStatus of the caller (or the accounts asked for) --------------------

export const INSPECTOR2_HANDLERS: Record<string, Handler> = {
  BatchGetAccountStatus: (call) => {
    const file = read(call, "batch-get-account-status");
    const accounts = (file.accounts ?? []) as { accountId?: string }[];
    const asked = strings(call.input, "accountIds");
    if (asked.length === 0) return { accounts: accounts.slice(0, 1), failedAccounts: [] };
    if (asked.length > 10)
      throw apiError("ValidationException", "accountIds: Member must have length less than or equal to 10");
    return {
      accounts: accounts.filter((a) => asked.includes(a.accountId ?? "")),
      failedAccounts: asked
        .filter((id) => !accounts.some((a) => a.accountId === id))
        .map((accountId) => ({
          accountId,
          errorCode: "ACCESS_DENIED",
          errorMessage: "You do not have access to the status of this account.",
        })),
    };
  },
};

// --- Macie: one session per region ---------------------------------------------------------------

export const MACIE2_HANDLERS: Record<string, Handler> = {
  GetMacieSession: (call) => read(call, "get-macie-session"),
  GetAutomatedDiscoveryConfiguration: (call) => {
    // Answers as GetMacieSession does when Macie is off.
    read(call, "get-macie-session");
    return read(call, "get-automated-discovery-configuration");
  },
};

// --- AWS Backup: NextToken / MaxResults 1..1000 -----------------------------------------------------

const BACKUP_LIMITS = { defaultLimit: 1000, minLimit: 1, maxLimit: 1000 } as const;

function backupPlanId(call: Call): string {
  const id = required(call.input, "BackupPlanId", call.operation);
  if (!readList(call, "list-backup-plans", "BackupPlansList").some((p) => p.BackupPlanId === id))
    throw apiError("ResourceNotFoundException", `Backup plan ${id} does not exist.`);
  return id;
}

function vaultName(call: Call): string {
  const name = required(call.input, "BackupVaultName", call.operation);
  const vaults = readList(call, "list-backup-vaults", "BackupVaultList");
  if (!vaults.some((v) => v.BackupVaultName === name))
    throw apiError("ResourceNotFoundException", `Backup vault ${name} does not exist.`);
  return name;
}

export const BACKUP_HANDLERS: Record<string, Handler> = {
  ListBackupVaults: (call) => listPage(call, "list-backup-vaults", "BackupVaultList", BACKUP_LIMITS),
  ListRecoveryPointsByBackupVault: (call) => {
    const name = vaultName(call);
    // A capture records every listed vault's answer (an empty one too): a missing file was not captured.
    const file = read(call, "list-recovery-points-by-backup-vault", { resource: name });
    const { page, next } = paginate((file.RecoveryPoints ?? []) as unknown[], {
      token: call.input.NextToken,
      limit: call.input.MaxResults,
      ...BACKUP_LIMITS,
    });
    return { RecoveryPoints: page, ...(next ? { NextToken: next } : {}) };
  },
  ListBackupPlans: (call) => listPage(call, "list-backup-plans", "BackupPlansList", BACKUP_LIMITS),
  ListBackupSelections: (call) => {
    const planId = backupPlanId(call);
    const file = read(call, "list-backup-selections", { resource: planId });
    const { page, next } = paginate((file.BackupSelectionsList ?? []) as unknown[], {
      token: call.input.NextToken,
      limit: call.input.MaxResults,
      ...BACKUP_LIMITS,
    });
    return { BackupSelectionsList: page, ...(next ? { NextToken: next } : {}) };
  },
  GetBackupSelection: (call) => {
    const planId = backupPlanId(call);
    const selectionId = required(call.input, "SelectionId", call.operation);
    return read(call, "get-backup-selection", {
      resource: encodeURIComponent(`${planId}/${selectionId}`),
      whenMissing: {
        error: "ResourceNotFoundException",
        message: `Backup selection ${selectionId} of plan ${planId} does not exist.`,
      },
    });
  },
  ListReportPlans: (call) => listPage(call, "list-report-plans", "ReportPlans", BACKUP_LIMITS),
};

// --- Organizations: global, answered in us-east-1 ------------------------------------------------

export const ORGANIZATIONS_HANDLERS: Record<string, Handler> = {
  DescribeOrganization: (call) => read(call, "describe-organization", { global: true }),
};
