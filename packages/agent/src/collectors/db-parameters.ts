import {
  type DBCluster,
  type DBInstance,
  type Parameter,
  paginateDescribeDBClusterParameters,
  paginateDescribeDBParameters,
} from "@aws-sdk/client-rds";
import type { DbParameterGroup, UnreadField } from "../assets/index.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import type { CollectContext } from "./collector.ts";
import type { UnreadFields } from "./unread.ts";

/**
 * The parameters Vigil's checks read, by engine: SQL Server's `rds.force_ssl` (RDS.41), MariaDB's
 * `require_secure_transport` (RDS.44), Aurora MySQL's `server_audit_logging` and
 * `server_audit_events` (RDS.45), DocumentDB's `tls` (DocumentDB.6). Only these leave the collector.
 */
export const CHECKED_PARAMETERS: ReadonlySet<string> = new Set([
  "rds.force_ssl",
  "require_secure_transport",
  "server_audit_logging",
  "server_audit_events",
  "tls",
]);

/** A parameter group's listing: `DescribeDBParameters` or `DescribeDBClusterParameters`, pages merged. */
export interface ParameterListing {
  readonly Parameters?: Parameter[] | undefined;
}

/** The group's value of each checked parameter it has (null when it sets none). */
export function checkedParameters(listing: ParameterListing): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const p of listing.Parameters ?? []) {
    if (p.ParameterName !== undefined && CHECKED_PARAMETERS.has(p.ParameterName))
      out[p.ParameterName] = p.ParameterValue ?? null;
  }
  return out;
}

/**
 * The `parameterGroup` field from the group's name, its sync state and the read of its parameters;
 * `undefined` (and the field unread) when the listing names no group or the read failed.
 */
export function parameterGroupOf(
  unread: UnreadFields,
  group: { readonly name: string; readonly inSync: boolean } | undefined,
  parameters: RawOutcome<ParameterListing> | undefined,
  listingCall: string,
): DbParameterGroup | undefined {
  if (group === undefined || parameters === undefined) {
    const reason: UnreadField = {
      call: listingCall,
      kind: "failed",
      code: "NoParameterGroup",
      message: "the listing names no parameter group, so its parameters could not be read",
    };
    unread.markAs(reason, "parameterGroup");
    return undefined;
  }
  if (unread.failed(parameters, "parameterGroup") || !parameters.ok) return undefined;
  return { name: group.name, inSync: group.inSync, parameters: checkedParameters(parameters.value) };
}

/** An instance's parameter group (`DBParameterGroups[0]`) and whether the instance runs its values. */
export function instanceGroupOf(db: DBInstance): { name: string; inSync: boolean } | undefined {
  const g = db.DBParameterGroups?.[0];
  if (g?.DBParameterGroupName === undefined) return undefined;
  return { name: g.DBParameterGroupName, inSync: g.ParameterApplyStatus === "in-sync" };
}

/** A cluster's parameter group, in sync when no member reports another status than `in-sync`. */
export function clusterGroupOf(cluster: DBCluster): { name: string; inSync: boolean } | undefined {
  if (cluster.DBClusterParameterGroup === undefined) return undefined;
  const inSync = (cluster.DBClusterMembers ?? []).every(
    (m) => m.DBClusterParameterGroupStatus === undefined || m.DBClusterParameterGroupStatus === "in-sync",
  );
  return { name: cluster.DBClusterParameterGroup, inSync };
}

/** Each parameter group's read, made once per region however many databases use the group. */
export type ParameterReads = Map<string, Promise<RawOutcome<ParameterListing>>>;

/**
 * A parameter group's parameters, every page, engine defaults included: `describe-db-parameters`
 * for an instance's group, `describe-db-cluster-parameters` for a cluster's; read once per region.
 */
export function groupParameters(
  c: CollectContext,
  command: "describe-db-parameters" | "describe-db-cluster-parameters",
  group: string,
  reads: ParameterReads,
): Promise<RawOutcome<ParameterListing>> {
  let out = reads.get(`${command}/${group}`);
  if (out === undefined) {
    const config = { client: c.clients.rds, pageSize: 100 };
    out = c.read.pages({ scope: c.region, service: "rds", command, resource: group }, () =>
      command === "describe-db-parameters"
        ? paginateDescribeDBParameters(config, { DBParameterGroupName: group })
        : paginateDescribeDBClusterParameters(config, { DBClusterParameterGroupName: group }),
    );
    reads.set(`${command}/${group}`, out);
  }
  return out;
}
