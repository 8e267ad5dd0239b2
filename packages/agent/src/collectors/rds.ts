import {
  type DBInstance,
  type DBProxy,
  type DBSnapshot,
  DescribeDBSnapshotAttributesCommand,
  type DescribeDBSnapshotAttributesResult,
  type EventSubscription,
  paginateDescribeDBInstances,
  paginateDescribeDBProxies,
  paginateDescribeDBSnapshots,
  paginateDescribeEventSubscriptions,
  RDSClient,
} from "@aws-sdk/client-rds";
import type { AssetOf } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import { type Collector, mapLimit, notListed, tagsOf } from "./collector.ts";
import {
  groupParameters,
  instanceGroupOf,
  type ParameterListing,
  type ParameterReads,
  parameterGroupOf,
} from "./db-parameters.ts";
import { listedCollector, regionalAsset, type Where } from "./listed.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ rds: RDSClient });

/**
 * A DB instance as `DescribeDBInstances` lists it, with the checked parameters of its parameter
 * group (`undefined`: the listing names no group); a failed read leaves `parameterGroup` unread.
 */
export function rdsInstanceAsset(
  c: Where,
  db: DBInstance,
  parameters: RawOutcome<ParameterListing> | undefined,
): AssetOf<"aws.rds.instance"> {
  const unread = new UnreadFields();
  const parameterGroup = parameterGroupOf(unread, instanceGroupOf(db), parameters, "rds:DescribeDBInstances");
  return unread.attach({
    arn:
      db.DBInstanceArn ?? `arn:${c.partition}:rds:${c.region}:${c.accountId}:db:${db.DBInstanceIdentifier}`,
    type: "aws.rds.instance",
    region: c.region,
    accountId: c.accountId,
    name: db.DBInstanceIdentifier ?? "",
    tags: tagsOf(db.TagList),
    config: {
      dbInstanceIdentifier: db.DBInstanceIdentifier ?? "",
      engine: db.Engine ?? "",
      engineVersion: db.EngineVersion ?? "",
      publiclyAccessible: db.PubliclyAccessible === true,
      storageEncrypted: db.StorageEncrypted === true,
      backupRetentionPeriod: db.BackupRetentionPeriod ?? 0,
      autoMinorVersionUpgrade: db.AutoMinorVersionUpgrade === true,
      multiAZ: db.MultiAZ === true,
      deletionProtection: db.DeletionProtection === true,
      // AWS omits MonitoringInterval only where Enhanced Monitoring was never on.
      monitoringInterval: db.MonitoringInterval ?? 0,
      iamDatabaseAuthenticationEnabled: db.IAMDatabaseAuthenticationEnabled === true,
      copyTagsToSnapshot: db.CopyTagsToSnapshot === true,
      port: db.Endpoint?.Port ?? null,
      masterUsername: db.MasterUsername ?? null,
      cloudwatchLogsExports: db.EnabledCloudwatchLogsExports ?? [],
      ...(parameterGroup === undefined ? {} : { parameterGroup }),
    } as AssetOf<"aws.rds.instance">["config"],
  });
}

export const rdsInstancesCollector: Collector = {
  id: "rds-instances",
  scope: "regional",
  resourceTypes: ["aws.rds.instance"],
  async collect(c) {
    const out = await c.read.pages(
      { scope: c.region, service: "rds", command: "describe-db-instances" },
      () => paginateDescribeDBInstances({ client: c.clients.rds, pageSize: 100 }, {}),
    );
    if (!out.ok) return notListed(c, rdsInstancesCollector);
    const reads: ParameterReads = new Map();
    const assets = await mapLimit(out.value.DBInstances ?? [], 8, async (db) => {
      const group = instanceGroupOf(db);
      const parameters =
        group === undefined
          ? undefined
          : await groupParameters(c, "describe-db-parameters", group.name, reads);
      return rdsInstanceAsset(c, db, parameters);
    });
    return { assets };
  },
};

/** A DB snapshot as `DescribeDBSnapshots` lists it, with who may restore it (`DescribeDBSnapshotAttributes`). */
export function rdsSnapshotAsset(
  c: Where,
  s: DBSnapshot,
  attrs: RawOutcome<Pick<DescribeDBSnapshotAttributesResult, "DBSnapshotAttributesResult">>,
): AssetOf<"aws.rds.snapshot"> {
  const id = s.DBSnapshotIdentifier ?? "";
  const unread = new UnreadFields();
  const config: Partial<AssetOf<"aws.rds.snapshot">["config"]> = {
    dbSnapshotIdentifier: id,
    encrypted: s.Encrypted === true,
  };
  if (!unread.failed(attrs, "restoreAttributeValues") && attrs.ok)
    config.restoreAttributeValues = (attrs.value.DBSnapshotAttributesResult?.DBSnapshotAttributes ?? [])
      .filter((a) => a.AttributeName === "restore")
      .flatMap((a) => a.AttributeValues ?? []);
  return unread.attach({
    arn: s.DBSnapshotArn ?? `arn:${c.partition}:rds:${c.region}:${c.accountId}:snapshot:${id}`,
    type: "aws.rds.snapshot",
    region: c.region,
    accountId: c.accountId,
    name: id,
    tags: tagsOf(s.TagList),
    config: config as AssetOf<"aws.rds.snapshot">["config"],
  });
}

export const rdsSnapshotsCollector: Collector = {
  id: "rds-snapshots",
  scope: "regional",
  resourceTypes: ["aws.rds.snapshot"],
  async collect(c) {
    const out = await c.read.pages(
      { scope: c.region, service: "rds", command: "describe-db-snapshots" },
      () => paginateDescribeDBSnapshots({ client: c.clients.rds, pageSize: 100 }, {}),
    );
    if (!out.ok) return notListed(c, rdsSnapshotsCollector);
    const assets = await mapLimit(
      out.value.DBSnapshots ?? [],
      8,
      async (s): Promise<AssetOf<"aws.rds.snapshot">> => {
        const id = s.DBSnapshotIdentifier ?? "";
        const attrs = await c.read.one(
          { scope: c.region, service: "rds", command: "describe-db-snapshot-attributes", resource: id },
          () => c.clients.rds.send(new DescribeDBSnapshotAttributesCommand({ DBSnapshotIdentifier: id })),
        );
        return rdsSnapshotAsset(c, s, attrs);
      },
    );
    return { assets };
  },
};

/** The region's RDS event notification subscriptions: the settings exist whether or not they could be read. */
export function rdsSettingsAsset(
  c: Where,
  out: RawOutcome<{ EventSubscriptionsList?: EventSubscription[] | undefined }>,
): AssetOf<"aws.rds.account-settings"> {
  const unread = new UnreadFields();
  const config: Partial<AssetOf<"aws.rds.account-settings">["config"]> = {};
  if (!unread.failed(out, "eventSubscriptions") && out.ok)
    config.eventSubscriptions = (out.value.EventSubscriptionsList ?? []).map((e) => ({
      subscriptionName: e.CustSubscriptionId ?? "",
      enabled: e.Enabled === true,
      sourceType: e.SourceType ?? null,
      eventCategories: e.EventCategoriesList ?? [],
      sourceIds: e.SourceIdsList ?? [],
    }));
  return unread.attach({
    arn: `${c.accountId}/${c.region}`,
    type: "aws.rds.account-settings",
    region: c.region,
    accountId: c.accountId,
    name: `RDS settings (${c.region})`,
    tags: {},
    config: config as AssetOf<"aws.rds.account-settings">["config"],
  });
}

export const rdsSettingsCollector: Collector = {
  id: "rds-event-subscriptions",
  scope: "regional",
  resourceTypes: ["aws.rds.account-settings"],
  async collect(c) {
    const out = await c.read.pages(
      { scope: c.region, service: "rds", command: "describe-event-subscriptions" },
      () => paginateDescribeEventSubscriptions({ client: c.clients.rds, pageSize: 100 }, {}),
    );
    return { assets: [rdsSettingsAsset(c, out)] };
  },
};

/** An RDS Proxy as `DescribeDBProxies` lists it. */
export function rdsProxyAsset(c: Where, p: DBProxy): AssetOf<"aws.rds.db-proxy"> {
  const name = p.DBProxyName ?? "";
  return regionalAsset(
    c,
    "aws.rds.db-proxy",
    { arn: p.DBProxyArn ?? `arn:${c.partition}:rds:${c.region}:${c.accountId}:db-proxy:${name}`, name },
    { dbProxyName: name, engineFamily: p.EngineFamily ?? "", requireTls: p.RequireTLS === true },
    new UnreadFields(),
  );
}

export const rdsProxiesCollector = listedCollector({
  id: "rds-db-proxies",
  type: "aws.rds.db-proxy",
  service: "rds",
  command: "describe-db-proxies",
  pages: (c) => paginateDescribeDBProxies({ client: c.clients.rds, pageSize: 100 }, {}),
  items: (listing) => listing.DBProxies,
  asset: async (c, p) => rdsProxyAsset(c, p),
});
