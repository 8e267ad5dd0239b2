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
import { lazyRouteTables, type RouteTableListing } from "./region-network.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ rds: RDSClient });

type RoutedSubnet = AssetOf<"aws.rds.instance">["config"]["subnetsRoutedToInternetGateway"][number];

/**
 * The subnets of the instance's DB subnet group whose route table has an active route to an
 * internet gateway (`igw-…`, to any IPv4 or IPv6 destination). A subnet uses the route table
 * explicitly associated with it, else its VPC's main route table.
 */
export function subnetsRoutedToInternetGateway(db: DBInstance, tables: RouteTableListing): RoutedSubnet[] {
  const group = db.DBSubnetGroup;
  if (group === undefined) return [];
  const all = tables.RouteTables ?? [];
  const explicit = new Map<string, (typeof all)[number]>();
  const main = new Map<string, (typeof all)[number]>();
  for (const t of all)
    for (const a of t.Associations ?? []) {
      // A failed or finished (`disassociated`) association no longer routes the subnet.
      if (a.AssociationState?.State === "failed" || a.AssociationState?.State === "disassociated") continue;
      if (a.SubnetId !== undefined) explicit.set(a.SubnetId, t);
      if (a.Main === true && t.VpcId !== undefined) main.set(t.VpcId, t);
    }
  const subnetVpc = group.VpcId;
  return (group.Subnets ?? []).flatMap((s) => {
    const subnetId = s.SubnetIdentifier;
    if (subnetId === undefined) return [];
    const table = explicit.get(subnetId) ?? (subnetVpc === undefined ? undefined : main.get(subnetVpc));
    const igw = (table?.Routes ?? []).find(
      (r) => r.State === "active" && r.GatewayId?.startsWith("igw-") === true,
    )?.GatewayId;
    return table === undefined || igw === undefined
      ? []
      : [{ subnetId, routeTableId: table.RouteTableId ?? "", gatewayId: igw }];
  });
}

/**
 * A DB instance as `DescribeDBInstances` lists it, with the checked parameters of its parameter
 * group (`undefined`: the listing names no group) and the region's route tables (read only for an
 * instance with a DB subnet group: the collector passes an empty listing for one without); a
 * failed read leaves `parameterGroup` or `subnetsRoutedToInternetGateway` unread.
 */
export function rdsInstanceAsset(
  c: Where,
  db: DBInstance,
  parameters: RawOutcome<ParameterListing> | undefined,
  routeTables: RawOutcome<RouteTableListing>,
): AssetOf<"aws.rds.instance"> {
  const unread = new UnreadFields();
  const parameterGroup = parameterGroupOf(unread, instanceGroupOf(db), parameters, "rds:DescribeDBInstances");
  const field = "subnetsRoutedToInternetGateway";
  const routed =
    unread.failed(routeTables, field) || !routeTables.ok
      ? undefined
      : subnetsRoutedToInternetGateway(db, routeTables.value);
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
      ...(routed === undefined ? {} : { [field]: routed }),
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
    // Read once for the region, and only when an instance has a DB subnet group (is in a VPC).
    const routeTables = lazyRouteTables(c);
    // Outside a VPC (no DB subnet group) the instance is in no subnet: nothing to read.
    const none = { ok: true as const, value: {} };
    const assets = await mapLimit(out.value.DBInstances ?? [], 8, async (db) => {
      const group = instanceGroupOf(db);
      const [parameters, tables] = await Promise.all([
        group === undefined ? undefined : groupParameters(c, "describe-db-parameters", group.name, reads),
        db.DBSubnetGroup === undefined ? none : routeTables(),
      ]);
      return rdsInstanceAsset(c, db, parameters, tables);
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
