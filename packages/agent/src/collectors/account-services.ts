import {
  AccessAnalyzerClient,
  type ListAnalyzersResponse,
  paginateListAnalyzers,
} from "@aws-sdk/client-accessanalyzer";
import {
  ConfigServiceClient,
  DescribeConfigurationRecorderStatusCommand,
  type DescribeConfigurationRecorderStatusResponse,
  DescribeConfigurationRecordersCommand,
  type DescribeConfigurationRecordersResponse,
} from "@aws-sdk/client-config-service";
import {
  type AccessPointDescription,
  type BackupPolicyDescription,
  DescribeBackupPolicyCommand,
  type DescribeMountTargetsResponse,
  EFSClient,
  type FileSystemDescription,
  paginateDescribeAccessPoints,
  paginateDescribeFileSystems,
  paginateDescribeMountTargets,
} from "@aws-sdk/client-efs";
import { DescribeHubCommand, type DescribeHubResponse, SecurityHubClient } from "@aws-sdk/client-securityhub";
import type { AssetOf } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import { type BackupAssignment, lazyBackupAssignments, plansSelecting } from "./backup-assignments.ts";
import { type Collector, isoOrNull, mapLimit, notListed, tagsOf } from "./collector.ts";
import { listedCollector, regionalAsset, type Where } from "./listed.ts";
import { lazySubnets, type SubnetListing } from "./region-network.ts";
import { UnreadFields } from "./unread.ts";

registerClients({
  accessanalyzer: AccessAnalyzerClient,
  config: ConfigServiceClient,
  efs: EFSClient,
  securityhub: SecurityHubClient,
});

/**
 * Region-wide services that CIS and FSBP ask about: IAM Access Analyzer, AWS Config, Security Hub
 * and EFS file systems (the account's S3 public access block is in `s3.ts`, IAM server
 * certificates in `iam.ts`: the account shard loads those, and none of these clients). A setting
 * the account has in every region is one asset per region (`<account>/<region>`), reported whether
 * or not it could be read.
 */

function settingsHeader<T extends string>(c: Where, type: T) {
  return { arn: `${c.accountId}/${c.region}`, type, region: c.region, accountId: c.accountId, tags: {} };
}

const ANALYZER_STATUS = new Set(["ACTIVE", "CREATING", "DISABLED", "FAILED"]);

/** The region's IAM Access Analyzer analyzers (`ListAnalyzers`). */
export function accessAnalyzerAsset(
  c: Where,
  out: RawOutcome<Pick<ListAnalyzersResponse, "analyzers">>,
): AssetOf<"aws.accessanalyzer.account-settings"> {
  const unread = new UnreadFields();
  const config: Partial<AssetOf<"aws.accessanalyzer.account-settings">["config"]> = {};
  if (!unread.failed(out, "analyzers") && out.ok)
    config.analyzers = (out.value.analyzers ?? []).map((a) => ({
      name: a.name ?? "",
      type: String(a.type ?? ""),
      status: (ANALYZER_STATUS.has(String(a.status)) ? a.status : "FAILED") as "ACTIVE",
    }));
  return unread.attach({
    ...settingsHeader(c, "aws.accessanalyzer.account-settings"),
    name: "access-analyzer",
    config: config as AssetOf<"aws.accessanalyzer.account-settings">["config"],
  });
}

export const accessAnalyzerCollector: Collector = {
  id: "accessanalyzer-analyzers",
  scope: "regional",
  resourceTypes: ["aws.accessanalyzer.account-settings"],
  async collect(c) {
    const out = await c.read.pages(
      { scope: c.region, service: "accessanalyzer", command: "list-analyzers" },
      () => paginateListAnalyzers({ client: c.clients.accessanalyzer }, {}),
    );
    return { assets: [accessAnalyzerAsset(c, out)] };
  },
};

/** The region's AWS Config recorders with their status (`DescribeConfigurationRecorders` + `…RecorderStatus`). */
export function configRecordersAsset(
  c: Where,
  recorders: RawOutcome<Pick<DescribeConfigurationRecordersResponse, "ConfigurationRecorders">>,
  statuses: RawOutcome<Pick<DescribeConfigurationRecorderStatusResponse, "ConfigurationRecordersStatus">>,
): AssetOf<"aws.config.account-settings"> {
  const unread = new UnreadFields();
  const config: Partial<AssetOf<"aws.config.account-settings">["config"]> = {};
  if (
    !unread.failed(recorders, "recorders") &&
    !unread.failed(statuses, "recorders") &&
    recorders.ok &&
    statuses.ok
  ) {
    const byName = new Map((statuses.value.ConfigurationRecordersStatus ?? []).map((s) => [s.name ?? "", s]));
    config.recorders = (recorders.value.ConfigurationRecorders ?? []).map((r) => {
      const status = byName.get(r.name ?? "");
      return {
        name: r.name ?? "",
        allSupported: r.recordingGroup?.allSupported === true,
        recording: status?.recording === true,
        lastStatus: status?.lastStatus ?? null,
      };
    });
  }
  return unread.attach({
    ...settingsHeader(c, "aws.config.account-settings"),
    name: "aws-config",
    config: config as AssetOf<"aws.config.account-settings">["config"],
  });
}

export const configRecordersCollector: Collector = {
  id: "config-recorders",
  scope: "regional",
  resourceTypes: ["aws.config.account-settings"],
  async collect(c) {
    const [recorders, statuses] = await Promise.all([
      c.read.one(
        { scope: c.region, service: "configservice", command: "describe-configuration-recorders" },
        () => c.clients.config.send(new DescribeConfigurationRecordersCommand({})),
      ),
      c.read.one(
        { scope: c.region, service: "configservice", command: "describe-configuration-recorder-status" },
        () => c.clients.config.send(new DescribeConfigurationRecorderStatusCommand({})),
      ),
    ]);
    return { assets: [configRecordersAsset(c, recorders, statuses)] };
  },
};

/** The region's Security Hub subscription (`DescribeHub`; not subscribed is a fact, a failure is not). */
export function securityHubAsset(
  c: Where,
  out: RawOutcome<Pick<DescribeHubResponse, "SubscribedAt">>,
): AssetOf<"aws.securityhub.account-settings"> {
  const unread = new UnreadFields();
  const config: Partial<AssetOf<"aws.securityhub.account-settings">["config"]> = {};
  if (!unread.failed(out, "hubEnabled", "subscribedAt")) {
    config.hubEnabled = out.ok;
    config.subscribedAt = out.ok ? isoOrNull(out.value.SubscribedAt) : null;
  }
  return unread.attach({
    ...settingsHeader(c, "aws.securityhub.account-settings"),
    name: "security-hub",
    config: config as AssetOf<"aws.securityhub.account-settings">["config"],
  });
}

export const securityHubCollector: Collector = {
  id: "securityhub-hub",
  scope: "regional",
  resourceTypes: ["aws.securityhub.account-settings"],
  async collect(c) {
    // Not subscribed answers InvalidAccessException: that is "not enabled", a fact.
    const out = await c.read.one({ scope: c.region, service: "securityhub", command: "describe-hub" }, () =>
      c.clients.securityhub.send(new DescribeHubCommand({})),
    );
    return { assets: [securityHubAsset(c, out)] };
  },
};

/**
 * A file system as `DescribeFileSystems` lists it, with its backup policy (`DescribeBackupPolicy`),
 * its mount targets' subnets and the region's backup plans' resource assignments.
 */
export function efsFileSystemAsset(
  c: Where,
  f: FileSystemDescription,
  backup: RawOutcome<Pick<BackupPolicyDescription, "BackupPolicy">>,
  mountTargets: RawOutcome<Pick<DescribeMountTargetsResponse, "MountTargets">>,
  subnets: RawOutcome<SubnetListing>,
  assignments: RawOutcome<readonly BackupAssignment[]>,
): AssetOf<"aws.efs.file-system"> {
  const arn =
    f.FileSystemArn ??
    `arn:${c.partition}:elasticfilesystem:${c.region}:${c.accountId}:file-system/${f.FileSystemId}`;
  const tags = tagsOf(f.Tags);
  const unread = new UnreadFields();
  const config: Partial<AssetOf<"aws.efs.file-system">["config"]> = {
    fileSystemId: f.FileSystemId ?? "",
    encrypted: f.Encrypted === true,
  };
  const field = "mountTargetsInAutoPublicIpSubnets";
  if (
    !unread.failed(mountTargets, field) &&
    !unread.failed(subnets, field) &&
    mountTargets.ok &&
    subnets.ok
  ) {
    const auto = new Set(
      (subnets.value.Subnets ?? []).flatMap((s) =>
        s.MapPublicIpOnLaunch === true && s.SubnetId ? [s.SubnetId] : [],
      ),
    );
    config.mountTargetsInAutoPublicIpSubnets = (mountTargets.value.MountTargets ?? []).flatMap((m) =>
      m.SubnetId !== undefined && auto.has(m.SubnetId) ? [m.SubnetId] : [],
    );
  }
  if (!unread.failed(backup, "automaticBackups")) {
    const status = backup.ok ? backup.value.BackupPolicy?.Status : undefined;
    config.automaticBackups = status === "ENABLED" || status === "ENABLING";
  }
  if (!unread.failed(assignments, "backupPlans") && assignments.ok)
    config.backupPlans = plansSelecting(assignments.value, arn, tags);
  return unread.attach({
    arn,
    type: "aws.efs.file-system",
    region: c.region,
    accountId: c.accountId,
    name: f.Name ?? f.FileSystemId ?? "",
    tags,
    config: config as AssetOf<"aws.efs.file-system">["config"],
  });
}

export const efsFileSystemsCollector: Collector = {
  id: "efs-file-systems",
  scope: "regional",
  resourceTypes: ["aws.efs.file-system"],
  async collect(c) {
    const out = await c.read.pages(
      { scope: c.region, service: "efs", command: "describe-file-systems" },
      () => paginateDescribeFileSystems({ client: c.clients.efs }, {}),
    );
    if (!out.ok) return notListed(c, efsFileSystemsCollector);
    const subnets = lazySubnets(c);
    const assignments = lazyBackupAssignments(c);
    const none = { ok: true as const, value: {} };
    const assets = await mapLimit(out.value.FileSystems ?? [], 8, async (f) => {
      const id = f.FileSystemId ?? "";
      // A file system without mount targets is reachable from no subnet: nothing to read.
      const mounted = (f.NumberOfMountTargets ?? 1) > 0;
      const [backup, targets] = await Promise.all([
        c.read.one({ scope: c.region, service: "efs", command: "describe-backup-policy", resource: id }, () =>
          c.clients.efs.send(new DescribeBackupPolicyCommand({ FileSystemId: id })),
        ),
        mounted
          ? c.read.pages(
              { scope: c.region, service: "efs", command: "describe-mount-targets", resource: id },
              () => paginateDescribeMountTargets({ client: c.clients.efs }, { FileSystemId: id }),
            )
          : Promise.resolve(none),
      ]);
      return efsFileSystemAsset(c, f, backup, targets, mounted ? await subnets() : none, await assignments());
    });
    return { assets };
  },
};

/** An access point as `DescribeAccessPoints` lists it. */
export function efsAccessPointAsset(c: Where, a: AccessPointDescription): AssetOf<"aws.efs.access-point"> {
  const id = a.AccessPointId ?? "";
  return regionalAsset(
    c,
    "aws.efs.access-point",
    {
      arn:
        a.AccessPointArn ??
        `arn:${c.partition}:elasticfilesystem:${c.region}:${c.accountId}:access-point/${id}`,
      name: a.Name ?? id,
      tags: tagsOf(a.Tags),
    },
    {
      accessPointId: id,
      fileSystemId: a.FileSystemId ?? "",
      rootDirectory: a.RootDirectory?.Path ?? "/",
      enforcesUser: a.PosixUser !== undefined,
    },
    new UnreadFields(),
  );
}

export const efsAccessPointsCollector = listedCollector({
  id: "efs-access-points",
  type: "aws.efs.access-point",
  service: "efs",
  command: "describe-access-points",
  pages: (c) => paginateDescribeAccessPoints({ client: c.clients.efs, pageSize: 100 }, {}),
  items: (listing) => listing.AccessPoints,
  asset: async (c, a) => efsAccessPointAsset(c, a),
});
