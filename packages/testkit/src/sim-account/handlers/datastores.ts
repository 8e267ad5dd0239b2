import { apiError } from "../errors.ts";
import {
  type Call,
  type Handler,
  listPage,
  matchesFilters,
  type Output,
  read,
  readList,
  required,
  str,
} from "./context.ts";
import { rdsFilters, rdsPage } from "./others.ts";

/**
 * Data warehouses, search and graph/document databases: Redshift clusters, OpenSearch domains,
 * DocumentDB and Neptune clusters (RDS API). Each answer comes from
 * the snapshot file of its call (docs/snapshot-format.md); per-resource files are keyed by the
 * resource's name.
 */

// --- Redshift: Marker / MaxRecords 20..100, as RDS -------------------------------------------------------

const MARKER = { token: "Marker", limit: "MaxRecords", next: "Marker" } as const;

/**
 * A parameter group's parameters (Redshift's `DescribeClusterParameters`, RDS's
 * `DescribeDBParameters` / `DescribeDBClusterParameters`), paged like RDS's lists and filtered on
 * `Source`. A group some database uses but the snapshot does not hold was not captured; one nothing
 * uses and the snapshot lacks does not exist (the service's not-found fault).
 */
function parameterGroupHandler(spec: {
  readonly command: string;
  readonly member: string;
  readonly notFound: string;
  readonly message: (group: string) => string;
  readonly used: (call: Call, group: string) => boolean;
}): Handler {
  return (call) => {
    const group = required(call.input, spec.member, call.operation);
    const file = read(call, spec.command, {
      resource: group,
      ...(spec.used(call, group)
        ? {}
        : { whenMissing: { error: spec.notFound, message: spec.message(group) } }),
    });
    const source = str(call.input, "Source");
    const items = ((file.Parameters ?? []) as Record<string, unknown>[]).filter(
      (p) => source === undefined || p.Source === source,
    );
    return rdsPage(call, items, "Parameters");
  };
}

const describeRedshiftParameters = parameterGroupHandler({
  command: "describe-cluster-parameters",
  member: "ParameterGroupName",
  notFound: "ClusterParameterGroupNotFound",
  message: (group) => `The parameter group ${group} could not be found.`,
  used: (call, group) =>
    readList(call, "describe-clusters", "Clusters").some((c) =>
      ((c.ClusterParameterGroups ?? []) as Record<string, unknown>[]).some(
        (g) => g.ParameterGroupName === group,
      ),
    ),
});

function clusterId(call: Call): string {
  const id = required(call.input, "ClusterIdentifier", call.operation);
  if (!readList(call, "describe-clusters", "Clusters").some((c) => c.ClusterIdentifier === id))
    throw apiError("ClusterNotFound", `Cluster ${id} not found.`);
  return id;
}

export const REDSHIFT_HANDLERS: Record<string, Handler> = {
  DescribeClusters: (call) => {
    const id = str(call.input, "ClusterIdentifier");
    if (id !== undefined) clusterId(call);
    return listPage(
      call,
      "describe-clusters",
      "Clusters",
      { defaultLimit: 100, minLimit: 20, maxLimit: 100 },
      { ...MARKER, keep: (c) => id === undefined || c.ClusterIdentifier === id },
    );
  },
  DescribeLoggingStatus: (call) => read(call, "describe-logging-status", { resource: clusterId(call) }),
  DescribeClusterParameters: (call) => describeRedshiftParameters(call),
};

// --- OpenSearch Service: ListDomainNames answers every domain at once ---------------------------

function domainName(call: Call): string {
  const name = required(call.input, "DomainName", call.operation);
  if (!readList(call, "list-domain-names", "DomainNames").some((d) => d.DomainName === name))
    throw apiError("ResourceNotFoundException", `Domain not found: ${name}`);
  return name;
}

export const OPENSEARCH_HANDLERS: Record<string, Handler> = {
  ListDomainNames: (call) => {
    const engine = str(call.input, "EngineType");
    return {
      DomainNames: readList(call, "list-domain-names", "DomainNames").filter(
        (d) => engine === undefined || d.EngineType === engine,
      ),
    };
  },
  DescribeDomain: (call) => read(call, "describe-domain", { resource: domainName(call) }),
};

// --- DocumentDB and Neptune through the RDS API: clusters and cluster snapshots, Marker / MaxRecords

function clusterFilter(call: Call, items: Output[]): Output[] {
  return items.filter((i) => matchesFilters(i, rdsFilters(call), "TagList"));
}

const describeDbClusters: Handler = (call) => {
  let items = readList(call, "describe-db-clusters", "DBClusters");
  const id = str(call.input, "DBClusterIdentifier");
  if (id !== undefined) {
    items = items.filter((c) => c.DBClusterIdentifier === id || c.DBClusterArn === id);
    if (items.length === 0) throw apiError("DBClusterNotFoundFault", `DBCluster ${id} not found.`);
  }
  return rdsPage(call, clusterFilter(call, items), "DBClusters");
};

const describeDbClusterSnapshots: Handler = (call) => {
  let items = readList(call, "describe-db-cluster-snapshots", "DBClusterSnapshots");
  const id = str(call.input, "DBClusterSnapshotIdentifier");
  const cluster = str(call.input, "DBClusterIdentifier");
  const type = str(call.input, "SnapshotType");
  if (id !== undefined) {
    items = items.filter((s) => s.DBClusterSnapshotIdentifier === id || s.DBClusterSnapshotArn === id);
    if (items.length === 0)
      throw apiError("DBClusterSnapshotNotFoundFault", `DBClusterSnapshot ${id} not found.`);
  }
  if (cluster !== undefined) items = items.filter((s) => s.DBClusterIdentifier === cluster);
  if (type !== undefined) items = items.filter((s) => s.SnapshotType === type);
  return rdsPage(call, clusterFilter(call, items), "DBClusterSnapshots");
};

/** The `restore` attribute of a cluster snapshot: missing file = shared with no one. */
const describeDbClusterSnapshotAttributes: Handler = (call) => {
  const id = required(call.input, "DBClusterSnapshotIdentifier", call.operation);
  if (
    !readList(call, "describe-db-cluster-snapshots", "DBClusterSnapshots").some(
      (s) => s.DBClusterSnapshotIdentifier === id || s.DBClusterSnapshotArn === id,
    )
  )
    throw apiError("DBClusterSnapshotNotFoundFault", `DBClusterSnapshot ${id} not found.`);
  return read(call, "describe-db-cluster-snapshot-attributes", {
    resource: id,
    whenMissing: {
      output: {
        DBClusterSnapshotAttributesResult: {
          DBClusterSnapshotIdentifier: id,
          DBClusterSnapshotAttributes: [{ AttributeName: "restore", AttributeValues: [] }],
        },
      },
    },
  });
};

const describeDbParameters = parameterGroupHandler({
  command: "describe-db-parameters",
  member: "DBParameterGroupName",
  notFound: "DBParameterGroupNotFound",
  message: (group) => `DBParameterGroup not found: ${group}`,
  used: (call, group) =>
    readList(call, "describe-db-instances", "DBInstances").some((i) =>
      ((i.DBParameterGroups ?? []) as Record<string, unknown>[]).some(
        (g) => g.DBParameterGroupName === group,
      ),
    ),
});

const describeDbClusterParameters = parameterGroupHandler({
  command: "describe-db-cluster-parameters",
  member: "DBClusterParameterGroupName",
  notFound: "DBParameterGroupNotFound",
  message: (group) => `DBClusterParameterGroup not found: ${group}`,
  used: (call, group) =>
    readList(call, "describe-db-clusters", "DBClusters").some((c) => c.DBClusterParameterGroup === group),
});

/** Added to the RDS handlers (others.ts) by the account: the cluster calls of DocumentDB and Neptune. */
export const RDS_CLUSTER_HANDLERS: Record<string, Handler> = {
  DescribeDBParameters: describeDbParameters,
  DescribeDBClusterParameters: describeDbClusterParameters,
  DescribeDBClusters: describeDbClusters,
  DescribeDBClusterSnapshots: describeDbClusterSnapshots,
  DescribeDBClusterSnapshotAttributes: describeDbClusterSnapshotAttributes,
};
