import {
  type Cluster,
  type DescribeClusterParametersCommandOutput,
  DescribeLoggingStatusCommand,
  type LoggingStatus,
  paginateDescribeClusterParameters,
  paginateDescribeClusters,
  RedshiftClient,
} from "@aws-sdk/client-redshift";
import type { AssetOf } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import type { CollectContext } from "./collector.ts";
import { listedCollector, regionalAsset, type Where } from "./listed.ts";
import { lazySecurityGroups, type SecurityGroupListing } from "./region-network.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ redshift: RedshiftClient });

type Parameters = Pick<DescribeClusterParametersCommandOutput, "Parameters">;

/** `require_ssl` of a parameter group: `true` (any case) means connections must use TLS. */
export function requiresSsl(parameters: Parameters): boolean {
  const p = (parameters.Parameters ?? []).find((x) => x.ParameterName === "require_ssl");
  return p?.ParameterValue?.toLowerCase() === "true";
}

const ANYWHERE = new Set(["0.0.0.0/0", "::/0"]);

/** The cluster's security groups whose ingress admits `port` from anywhere. */
export function groupsOpenOnPort(cluster: Cluster, groups: SecurityGroupListing, port: number): string[] {
  const mine = new Set((cluster.VpcSecurityGroups ?? []).map((g) => g.VpcSecurityGroupId));
  return (groups.SecurityGroups ?? [])
    .filter((g) => mine.has(g.GroupId))
    .filter((g) =>
      (g.IpPermissions ?? []).some((p) => {
        const covers =
          p.IpProtocol === "-1" ||
          (p.IpProtocol === "tcp" && (p.FromPort ?? 0) <= port && port <= (p.ToPort ?? 65535));
        const open =
          (p.IpRanges ?? []).some((r) => ANYWHERE.has(r.CidrIp ?? "")) ||
          (p.Ipv6Ranges ?? []).some((r) => ANYWHERE.has(r.CidrIpv6 ?? ""));
        return covers && open;
      }),
    )
    .map((g) => g.GroupId ?? "");
}

/**
 * A cluster as `DescribeClusters` lists it, with its audit logging status, its parameter group's
 * parameters and the region's security groups; a read that failed leaves its field unread.
 */
export function redshiftClusterAsset(
  c: Where,
  cluster: Cluster,
  logging: RawOutcome<Pick<LoggingStatus, "LoggingEnabled">>,
  parameters: RawOutcome<Parameters>,
  groups: RawOutcome<SecurityGroupListing>,
): AssetOf<"aws.redshift.cluster"> {
  const id = cluster.ClusterIdentifier ?? "";
  const unread = new UnreadFields();
  const config: Partial<AssetOf<"aws.redshift.cluster">["config"]> = {
    clusterIdentifier: id,
    publiclyAccessible: cluster.PubliclyAccessible === true,
    encrypted: cluster.Encrypted === true,
    automatedSnapshotRetentionPeriod: Math.max(0, cluster.AutomatedSnapshotRetentionPeriod ?? 0),
    allowVersionUpgrade: cluster.AllowVersionUpgrade === true,
    enhancedVpcRouting: cluster.EnhancedVpcRouting === true,
    masterUsername: cluster.MasterUsername ?? "",
    dbName: cluster.DBName ?? "",
    multiAz: cluster.MultiAZ === "Enabled",
  };
  if (!unread.failed(logging, "loggingEnabled") && logging.ok)
    config.loggingEnabled = logging.value.LoggingEnabled === true;
  if (!unread.failed(parameters, "requireSsl") && parameters.ok)
    config.requireSsl = requiresSsl(parameters.value);
  if (!unread.failed(groups, "securityGroupsOpenOnPort") && groups.ok)
    // Redshift's default port when the endpoint is not there yet.
    config.securityGroupsOpenOnPort = groupsOpenOnPort(cluster, groups.value, cluster.Endpoint?.Port ?? 5439);
  return regionalAsset(
    c,
    "aws.redshift.cluster",
    { arn: `arn:${c.partition}:redshift:${c.region}:${c.accountId}:cluster:${id}`, name: id },
    config,
    unread,
  );
}

/** The parameters of one parameter group, read once per region however many clusters use it. */
type ParameterReads = Map<string, Promise<RawOutcome<Parameters>>>;

function parametersOf(
  c: CollectContext,
  group: string,
  reads: ParameterReads,
): Promise<RawOutcome<Parameters>> {
  let read = reads.get(group);
  if (read === undefined) {
    read = c.read.pages(
      { scope: c.region, service: "redshift", command: "describe-cluster-parameters", resource: group },
      () =>
        paginateDescribeClusterParameters(
          { client: c.clients.redshift, pageSize: 100 },
          { ParameterGroupName: group },
        ),
    );
    reads.set(group, read);
  }
  return read;
}

export const redshiftClustersCollector = listedCollector({
  id: "redshift-clusters",
  type: "aws.redshift.cluster",
  service: "redshift",
  command: "describe-clusters",
  pages: (c) => paginateDescribeClusters({ client: c.clients.redshift, pageSize: 100 }, {}),
  items: (listing) => listing.Clusters,
  shared: async (c) => ({ parameters: new Map() as ParameterReads, groups: lazySecurityGroups(c) }),
  async asset(c, cluster, { parameters: reads, groups }) {
    const id = cluster.ClusterIdentifier ?? "";
    // Every cluster has one parameter group (`default.redshift-1.0` unless another was chosen).
    const group = cluster.ClusterParameterGroups?.[0]?.ParameterGroupName ?? "default.redshift-1.0";
    const [logging, parameters, listing] = await Promise.all([
      c.read.one(
        { scope: c.region, service: "redshift", command: "describe-logging-status", resource: id },
        () => c.clients.redshift.send(new DescribeLoggingStatusCommand({ ClusterIdentifier: id })),
      ),
      parametersOf(c, group, reads),
      groups(),
    ]);
    return redshiftClusterAsset(c, cluster, logging, parameters, listing);
  },
});
