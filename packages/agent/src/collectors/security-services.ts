import {
  BackupClient,
  type BackupVaultListMember,
  paginateListBackupPlans,
  paginateListBackupVaults,
  paginateListRecoveryPointsByBackupVault,
  paginateListReportPlans,
  type RecoveryPointByBackupVault,
} from "@aws-sdk/client-backup";
import {
  GetDetectorCommand,
  type GetDetectorResponse,
  GuardDutyClient,
  type ListDetectorsResponse,
  paginateListDetectors,
} from "@aws-sdk/client-guardduty";
import {
  BatchGetAccountStatusCommand,
  type BatchGetAccountStatusResponse,
  Inspector2Client,
} from "@aws-sdk/client-inspector2";
import {
  GetAutomatedDiscoveryConfigurationCommand,
  type GetAutomatedDiscoveryConfigurationResponse,
  GetMacieSessionCommand,
  type GetMacieSessionResponse,
  Macie2Client,
} from "@aws-sdk/client-macie2";
import type { AssetOf, ResourceType } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import { type CollectContext, type Collector, mapLimit, notListed } from "./collector.ts";
import { regionalAsset, type Where } from "./listed.ts";
import { UnreadFields } from "./unread.ts";

registerClients({
  guardduty: GuardDutyClient,
  inspector2: Inspector2Client,
  macie2: Macie2Client,
  backup: BackupClient,
});

/**
 * GuardDuty, Amazon Inspector, Amazon Macie and AWS Backup in one region. Each service's state is one
 * asset per region (`<account>/<region>`), kept whether or not it could be read: a failed read leaves
 * its fields unread, never "not enabled".
 */

/** A region-wide settings asset of `type`, named `name`. */
function settingsAsset<T extends ResourceType>(
  c: Where,
  type: T,
  name: string,
  config: Partial<AssetOf<T>["config"]>,
  unread: UnreadFields,
): AssetOf<T> {
  return regionalAsset(c, type, { arn: `${c.accountId}/${c.region}`, name }, config, unread);
}

// --- GuardDuty -------------------------------------------------------------------------------------

/** `Features` as `Name` → `Status`, each additional configuration as `Name/AdditionalName`. */
export function guardDutyFeaturesOf(detector: Pick<GetDetectorResponse, "Features">): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of detector.Features ?? []) {
    if (f.Name === undefined) continue;
    out[f.Name] = f.Status ?? "DISABLED";
    for (const a of f.AdditionalConfiguration ?? [])
      if (a.Name !== undefined) out[`${f.Name}/${a.Name}`] = a.Status ?? "DISABLED";
  }
  return out;
}

/**
 * GuardDuty in a region from `ListDetectors` and, when it names a detector, `GetDetector`. No detector
 * is a fact (GuardDuty never enabled there); a failed `GetDetector` leaves status and features unread.
 */
export function guardDutySettingsAsset(
  c: Where,
  detectors: RawOutcome<Pick<ListDetectorsResponse, "DetectorIds">>,
  detector?: RawOutcome<Pick<GetDetectorResponse, "Status" | "Features">>,
): AssetOf<"aws.guardduty.account-settings"> {
  const unread = new UnreadFields();
  const config: Partial<AssetOf<"aws.guardduty.account-settings">["config"]> = {};
  if (!unread.failed(detectors, "detectorId", "status", "features") && detectors.ok) {
    const id = detectors.value.DetectorIds?.[0];
    config.detectorId = id ?? null;
    if (id === undefined) {
      config.status = null;
      config.features = {};
    } else if (detector && !unread.failed(detector, "status", "features") && detector.ok) {
      config.status = detector.value.Status ?? null;
      config.features = guardDutyFeaturesOf(detector.value);
    }
  }
  return settingsAsset(c, "aws.guardduty.account-settings", "guardduty", config, unread);
}

export const guardDutyCollector: Collector = {
  id: "guardduty-detectors",
  scope: "regional",
  resourceTypes: ["aws.guardduty.account-settings"],
  async collect(c) {
    const detectors = await c.read.pages(
      { scope: c.region, service: "guardduty", command: "list-detectors" },
      () => paginateListDetectors({ client: c.clients.guardduty }, {}),
    );
    const id = detectors.ok ? detectors.value.DetectorIds?.[0] : undefined;
    const detector =
      id === undefined
        ? undefined
        : await c.read.one(
            { scope: c.region, service: "guardduty", command: "get-detector", resource: id },
            () => c.clients.guardduty.send(new GetDetectorCommand({ DetectorId: id })),
          );
    return { assets: [guardDutySettingsAsset(c, detectors, detector)] };
  },
};

// --- Amazon Inspector ------------------------------------------------------------------------------

const INSPECTOR_FIELDS = ["status", "ec2Status", "ecrStatus", "lambdaStatus", "lambdaCodeStatus"];

/** Inspector in a region from `BatchGetAccountStatus` (the account's own entry; a failed entry is a failed read). */
export function inspectorSettingsAsset(
  c: Where,
  status: RawOutcome<Pick<BatchGetAccountStatusResponse, "accounts" | "failedAccounts">>,
): AssetOf<"aws.inspector2.account-settings"> {
  const unread = new UnreadFields();
  const config: Partial<AssetOf<"aws.inspector2.account-settings">["config"]> = {};
  if (!unread.failed(status, ...INSPECTOR_FIELDS) && status.ok) {
    const mine = status.value.accounts?.find((a) => a.accountId === c.accountId);
    if (mine?.state?.status === undefined) {
      const failed = status.value.failedAccounts?.find((a) => a.accountId === c.accountId);
      unread.markAs(
        {
          call: "inspector2:BatchGetAccountStatus",
          kind: failed?.errorCode === "ACCESS_DENIED" ? "denied" : "failed",
          code: String(failed?.errorCode ?? "AccountNotReported"),
          message: failed?.errorMessage ?? "the account's status was not in the answer",
        },
        ...INSPECTOR_FIELDS,
      );
    } else {
      const r = mine.resourceState;
      config.status = mine.state.status;
      config.ec2Status = r?.ec2?.status ?? null;
      config.ecrStatus = r?.ecr?.status ?? null;
      config.lambdaStatus = r?.lambda?.status ?? null;
      config.lambdaCodeStatus = r?.lambdaCode?.status ?? null;
    }
  }
  return settingsAsset(c, "aws.inspector2.account-settings", "inspector", config, unread);
}

export const inspectorCollector: Collector = {
  id: "inspector2-account-status",
  scope: "regional",
  resourceTypes: ["aws.inspector2.account-settings"],
  async collect(c) {
    const status = await c.read.one(
      { scope: c.region, service: "inspector2", command: "batch-get-account-status" },
      () => c.clients.inspector2.send(new BatchGetAccountStatusCommand({ accountIds: [c.accountId] })),
    );
    return { assets: [inspectorSettingsAsset(c, status)] };
  },
};

// --- Amazon Macie ----------------------------------------------------------------------------------

/** Macie in a region from `GetMacieSession` and, when it is enabled, `GetAutomatedDiscoveryConfiguration`. */
export function macieSettingsAsset(
  c: Where,
  session: RawOutcome<Pick<GetMacieSessionResponse, "status">>,
  discovery?: RawOutcome<Pick<GetAutomatedDiscoveryConfigurationResponse, "status">>,
): AssetOf<"aws.macie2.account-settings"> {
  const unread = new UnreadFields();
  const config: Partial<AssetOf<"aws.macie2.account-settings">["config"]> = {};
  if (!unread.failed(session, "status", "automatedDiscoveryStatus")) {
    if (!session.ok || session.value.status === undefined) {
      config.status = null;
      config.automatedDiscoveryStatus = null;
    } else {
      config.status = session.value.status;
      if (discovery === undefined) config.automatedDiscoveryStatus = null;
      else if (!unread.failed(discovery, "automatedDiscoveryStatus"))
        config.automatedDiscoveryStatus = discovery.ok ? (discovery.value.status ?? null) : null;
    }
  }
  return settingsAsset(c, "aws.macie2.account-settings", "macie", config, unread);
}

export const macieCollector: Collector = {
  id: "macie2-session",
  scope: "regional",
  resourceTypes: ["aws.macie2.account-settings"],
  async collect(c) {
    const session = await c.read.one(
      { scope: c.region, service: "macie2", command: "get-macie-session" },
      () => c.clients.macie2.send(new GetMacieSessionCommand({})),
    );
    const discovery =
      session.ok && session.value.status !== undefined
        ? await c.read.one(
            { scope: c.region, service: "macie2", command: "get-automated-discovery-configuration" },
            () => c.clients.macie2.send(new GetAutomatedDiscoveryConfigurationCommand({})),
          )
        : undefined;
    return { assets: [macieSettingsAsset(c, session, discovery)] };
  },
};

// --- AWS Backup ------------------------------------------------------------------------------------

/** One vault as `ListBackupVaults` lists it. */
export function backupVaultAsset(c: Where, vault: BackupVaultListMember): AssetOf<"aws.backup.vault"> {
  const name = vault.BackupVaultName ?? "";
  return regionalAsset(
    c,
    "aws.backup.vault",
    {
      arn:
        vault.BackupVaultArn ?? `arn:${c.partition}:backup:${c.region}:${c.accountId}:backup-vault:${name}`,
      name,
    },
    { vaultName: name, encryptionKeyArn: vault.EncryptionKeyArn ? vault.EncryptionKeyArn : null },
    new UnreadFields(),
  );
}

/** One recovery point as `ListRecoveryPointsByBackupVault` lists it. */
export function backupRecoveryPointAsset(
  c: Where,
  vaultName: string,
  point: RecoveryPointByBackupVault,
): AssetOf<"aws.backup.recovery-point"> {
  const arn = point.RecoveryPointArn ?? "";
  return regionalAsset(
    c,
    "aws.backup.recovery-point",
    { arn, name: arn.slice(arn.lastIndexOf(":") + 1) },
    { vaultName, isEncrypted: point.IsEncrypted === true },
    new UnreadFields(),
  );
}

/** Counts of plans, vaults and report plans; a count whose listing failed is unread. */
export function backupSettingsAsset(
  c: Where,
  counts: {
    backupPlans: RawOutcome<{ BackupPlansList?: unknown[] }>;
    backupVaults: RawOutcome<{ BackupVaultList?: unknown[] }>;
    reportPlans: RawOutcome<{ ReportPlans?: unknown[] }>;
  },
): AssetOf<"aws.backup.account-settings"> {
  const unread = new UnreadFields();
  const config: Partial<AssetOf<"aws.backup.account-settings">["config"]> = {};
  const { backupPlans, backupVaults, reportPlans } = counts;
  if (!unread.failed(backupPlans, "backupPlans") && backupPlans.ok)
    config.backupPlans = backupPlans.value.BackupPlansList?.length ?? 0;
  if (!unread.failed(backupVaults, "backupVaults") && backupVaults.ok)
    config.backupVaults = backupVaults.value.BackupVaultList?.length ?? 0;
  if (!unread.failed(reportPlans, "reportPlans") && reportPlans.ok)
    config.reportPlans = reportPlans.value.ReportPlans?.length ?? 0;
  return settingsAsset(c, "aws.backup.account-settings", "backup", config, unread);
}

async function recoveryPointsOf(c: CollectContext, vaultName: string) {
  return c.read.pages(
    {
      scope: c.region,
      service: "backup",
      command: "list-recovery-points-by-backup-vault",
      resource: vaultName,
    },
    () =>
      paginateListRecoveryPointsByBackupVault({ client: c.clients.backup }, { BackupVaultName: vaultName }),
  );
}

export const backupCollector: Collector = {
  id: "backup-vaults",
  scope: "regional",
  resourceTypes: ["aws.backup.vault", "aws.backup.recovery-point", "aws.backup.account-settings"],
  async collect(c) {
    const [backupVaults, backupPlans, reportPlans] = await Promise.all([
      c.read.pages({ scope: c.region, service: "backup", command: "list-backup-vaults" }, () =>
        paginateListBackupVaults({ client: c.clients.backup }, {}),
      ),
      c.read.pages({ scope: c.region, service: "backup", command: "list-backup-plans" }, () =>
        paginateListBackupPlans({ client: c.clients.backup }, {}),
      ),
      c.read.pages({ scope: c.region, service: "backup", command: "list-report-plans" }, () =>
        paginateListReportPlans({ client: c.clients.backup }, {}),
      ),
    ]);
    const settings = backupSettingsAsset(c, { backupPlans, backupVaults, reportPlans });
    if (!backupVaults.ok) {
      const missing = notListed(c, backupCollector, ["aws.backup.vault", "aws.backup.recovery-point"]);
      return { ...missing, assets: [settings] };
    }
    const vaults = backupVaults.value.BackupVaultList ?? [];
    const listed = await mapLimit(vaults, 8, async (v) => ({
      v,
      points: await recoveryPointsOf(c, v.BackupVaultName ?? ""),
    }));
    const assets: ReturnType<
      typeof backupSettingsAsset | typeof backupVaultAsset | typeof backupRecoveryPointAsset
    >[] = [settings];
    let pointsUnlisted = false;
    for (const { v, points } of listed) {
      assets.push(backupVaultAsset(c, v));
      if (!points.ok) pointsUnlisted = true;
      else
        for (const p of points.value.RecoveryPoints ?? [])
          assets.push(backupRecoveryPointAsset(c, v.BackupVaultName ?? "", p));
    }
    // A vault whose recovery points could not be listed: none of the region's may be taken for gone.
    return pointsUnlisted
      ? { assets, uncovered: notListed(c, backupCollector, ["aws.backup.recovery-point"]).uncovered }
      : { assets };
  },
};
