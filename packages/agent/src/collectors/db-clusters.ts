import {
  type DBCluster,
  type DBClusterSnapshot,
  DescribeDBClusterSnapshotAttributesCommand,
  type DescribeDBClusterSnapshotAttributesCommandOutput,
  paginateDescribeDBClusterSnapshots,
  paginateDescribeDBClusters,
  RDSClient,
} from "@aws-sdk/client-rds";
import type { AssetOf } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import { type Collector, mapLimit, notListed, tagsOf } from "./collector.ts";
import {
  clusterGroupOf,
  groupParameters,
  type ParameterListing,
  type ParameterReads,
  parameterGroupOf,
} from "./db-parameters.ts";
import { regionalAsset, type Where } from "./listed.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ rds: RDSClient });

/**
 * DocumentDB and Neptune are managed through the RDS API: their clusters and cluster snapshots are
 * listed by `DescribeDBClusters` / `DescribeDBClusterSnapshots` filtered on these engines (one call
 * each for both services), each told apart by its `Engine`. The clusters' listing also takes RDS's
 * own clusters (Aurora, and Multi-AZ DB clusters of RDS for MySQL and PostgreSQL).
 */
const ENGINES = { docdb: "docdb", neptune: "neptune" } as const;
/** RDS's cluster engines (`aurora` is Aurora MySQL version 1). */
const RDS_CLUSTER_ENGINES = ["aurora", "aurora-mysql", "aurora-postgresql", "mysql", "postgres"] as const;
const ENGINE_FILTER = [{ Name: "engine", Values: Object.values(ENGINES) }];
const CLUSTER_ENGINE_FILTER = [
  { Name: "engine", Values: [...Object.values(ENGINES), ...RDS_CLUSTER_ENGINES] },
];

type ClusterType = "aws.docdb.cluster" | "aws.neptune.cluster" | "aws.rds.cluster";
type SnapshotType = "aws.docdb.cluster-snapshot" | "aws.neptune.cluster-snapshot";

function clusterService(engine: string | undefined): "docdb" | "neptune" | "rds" | undefined {
  if (engine === ENGINES.neptune) return "neptune";
  if (engine === ENGINES.docdb) return "docdb";
  return (RDS_CLUSTER_ENGINES as readonly (string | undefined)[]).includes(engine) ? "rds" : undefined;
}

/**
 * A DocumentDB, Neptune or RDS cluster as `DescribeDBClusters` lists it, with the checked parameters
 * of its cluster parameter group (`undefined`: the listing names no group; a failed read leaves
 * `parameterGroup` unread); RDS's carry their administrator's name, backtrack window and, for
 * Multi-AZ DB clusters, automatic minor version upgrades.
 */
export function dbClusterAsset(
  c: Where,
  cluster: DBCluster,
  parameters: RawOutcome<ParameterListing> | undefined,
): AssetOf<ClusterType> | undefined {
  const service = clusterService(cluster.Engine);
  if (service === undefined) return undefined;
  const id = cluster.DBClusterIdentifier ?? "";
  const unread = new UnreadFields();
  const parameterGroup = parameterGroupOf(
    unread,
    clusterGroupOf(cluster),
    parameters,
    "rds:DescribeDBClusters",
  );
  const config = {
    dbClusterIdentifier: id,
    engine: cluster.Engine ?? "",
    storageEncrypted: cluster.StorageEncrypted === true,
    backupRetentionPeriod: cluster.BackupRetentionPeriod ?? 0,
    deletionProtection: cluster.DeletionProtection === true,
    cloudwatchLogsExports: cluster.EnabledCloudwatchLogsExports ?? [],
    iamDatabaseAuthentication: cluster.IAMDatabaseAuthenticationEnabled === true,
    copyTagsToSnapshot: cluster.CopyTagsToSnapshot === true,
    multiAZ: cluster.MultiAZ === true,
    ...(parameterGroup === undefined ? {} : { parameterGroup }),
  };
  return regionalAsset(
    c,
    `aws.${service}.cluster`,
    {
      arn: cluster.DBClusterArn ?? `arn:${c.partition}:rds:${c.region}:${c.accountId}:cluster:${id}`,
      name: id,
      tags: tagsOf(cluster.TagList),
    },
    service === "rds"
      ? {
          ...config,
          masterUsername: cluster.MasterUsername ?? null,
          backtrackWindow: cluster.BacktrackWindow ?? 0,
          ...(cluster.AutoMinorVersionUpgrade === undefined
            ? {}
            : { autoMinorVersionUpgrade: cluster.AutoMinorVersionUpgrade }),
        }
      : config,
    unread,
  );
}

/**
 * A DocumentDB or Neptune cluster snapshot, with its `restore` attribute (who may restore it: account
 * ids, or `all`). Only manual snapshots can be shared, so only theirs is read: an automated one's is
 * empty by AWS's rule. When that read failed, the field is unread.
 */
export function dbClusterSnapshotAsset(
  c: Where,
  snapshot: DBClusterSnapshot,
  attributes:
    | RawOutcome<Pick<DescribeDBClusterSnapshotAttributesCommandOutput, "DBClusterSnapshotAttributesResult">>
    | undefined,
): AssetOf<SnapshotType> | undefined {
  const service =
    snapshot.Engine === ENGINES.neptune ? "neptune" : snapshot.Engine === ENGINES.docdb ? "docdb" : undefined;
  if (service === undefined) return undefined;
  const id = snapshot.DBClusterSnapshotIdentifier ?? "";
  const unread = new UnreadFields();
  const config: Partial<AssetOf<SnapshotType>["config"]> = {
    dbClusterSnapshotIdentifier: id,
    snapshotType: snapshot.SnapshotType ?? "",
    storageEncrypted: snapshot.StorageEncrypted === true,
  };
  if (attributes === undefined) config.restoreAttributeValues = [];
  else if (!unread.failed(attributes, "restoreAttributeValues") && attributes.ok)
    config.restoreAttributeValues = (
      attributes.value.DBClusterSnapshotAttributesResult?.DBClusterSnapshotAttributes ?? []
    )
      .filter((a) => a.AttributeName === "restore")
      .flatMap((a) => a.AttributeValues ?? []);
  return regionalAsset(
    c,
    `aws.${service}.cluster-snapshot`,
    {
      arn:
        snapshot.DBClusterSnapshotArn ??
        `arn:${c.partition}:rds:${c.region}:${c.accountId}:cluster-snapshot:${id}`,
      name: id,
      tags: tagsOf(snapshot.TagList),
    },
    config,
    unread,
  );
}

export const dbClustersCollector: Collector = {
  id: "db-clusters",
  scope: "regional",
  resourceTypes: ["aws.docdb.cluster", "aws.neptune.cluster", "aws.rds.cluster"],
  async collect(c) {
    const out = await c.read.pages({ scope: c.region, service: "rds", command: "describe-db-clusters" }, () =>
      paginateDescribeDBClusters(
        { client: c.clients.rds, pageSize: 100 },
        { Filters: CLUSTER_ENGINE_FILTER },
      ),
    );
    if (!out.ok) return notListed(c, dbClustersCollector);
    const reads: ParameterReads = new Map();
    const assets = await mapLimit(out.value.DBClusters ?? [], 8, async (cluster) => {
      if (clusterService(cluster.Engine) === undefined) return undefined;
      const group = clusterGroupOf(cluster);
      const parameters =
        group === undefined
          ? undefined
          : await groupParameters(c, "describe-db-cluster-parameters", group.name, reads);
      return dbClusterAsset(c, cluster, parameters);
    });
    return { assets: assets.flatMap((a) => a ?? []) };
  },
};

export const dbClusterSnapshotsCollector: Collector = {
  id: "docdb-neptune-cluster-snapshots",
  scope: "regional",
  resourceTypes: ["aws.docdb.cluster-snapshot", "aws.neptune.cluster-snapshot"],
  async collect(c) {
    const out = await c.read.pages(
      { scope: c.region, service: "rds", command: "describe-db-cluster-snapshots" },
      () =>
        paginateDescribeDBClusterSnapshots(
          { client: c.clients.rds, pageSize: 100 },
          { Filters: ENGINE_FILTER },
        ),
    );
    if (!out.ok) return notListed(c, dbClusterSnapshotsCollector);
    const assets = await mapLimit(out.value.DBClusterSnapshots ?? [], 8, async (s) => {
      const id = s.DBClusterSnapshotIdentifier ?? "";
      const attributes =
        s.SnapshotType === "manual"
          ? await c.read.one(
              {
                scope: c.region,
                service: "rds",
                command: "describe-db-cluster-snapshot-attributes",
                resource: id,
              },
              () =>
                c.clients.rds.send(
                  new DescribeDBClusterSnapshotAttributesCommand({ DBClusterSnapshotIdentifier: id }),
                ),
            )
          : undefined;
      return dbClusterSnapshotAsset(c, s, attributes);
    });
    return { assets: assets.flatMap((a) => a ?? []) };
  },
};
