import {
  DatabaseMigrationServiceClient,
  type Endpoint,
  paginateDescribeEndpoints,
  paginateDescribeReplicationInstances,
  paginateDescribeReplicationTasks,
  type ReplicationInstance,
  type ReplicationTask,
} from "@aws-sdk/client-database-migration-service";
import type { AssetOf } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import { listedCollector, regionalAsset, type Where } from "./listed.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ dms: DatabaseMigrationServiceClient });

/** A replication instance as `DescribeReplicationInstances` lists it: the listing holds all the checks need. */
export function dmsReplicationInstanceAsset(
  c: Where,
  i: ReplicationInstance,
): AssetOf<"aws.dms.replication-instance"> {
  const id = i.ReplicationInstanceIdentifier ?? "";
  return regionalAsset(
    c,
    "aws.dms.replication-instance",
    {
      arn: i.ReplicationInstanceArn ?? `arn:${c.partition}:dms:${c.region}:${c.accountId}:rep:${id}`,
      name: id,
    },
    {
      replicationInstanceIdentifier: id,
      publiclyAccessible: i.PubliclyAccessible === true,
      autoMinorVersionUpgrade: i.AutoMinorVersionUpgrade === true,
      multiAz: i.MultiAZ === true,
    },
    new UnreadFields(),
  );
}

/** An endpoint as `DescribeEndpoints` lists it, with the settings of its engine. */
export function dmsEndpointAsset(c: Where, e: Endpoint): AssetOf<"aws.dms.endpoint"> {
  const id = e.EndpointIdentifier ?? "";
  return regionalAsset(
    c,
    "aws.dms.endpoint",
    { arn: e.EndpointArn ?? `arn:${c.partition}:dms:${c.region}:${c.accountId}:endpoint:${id}`, name: id },
    {
      endpointIdentifier: id,
      engineName: e.EngineName ?? "",
      // DMS's default when none was chosen.
      sslMode: e.SslMode ?? "none",
      neptuneIamAuthEnabled: e.NeptuneSettings?.IamAuthEnabled === true,
      mongoDbAuthType: e.MongoDbSettings ? (e.MongoDbSettings.AuthType ?? "password") : null,
      redisSslSecurityProtocol: e.RedisSettings
        ? (e.RedisSettings.SslSecurityProtocol ?? "ssl-encryption")
        : null,
    },
    new UnreadFields(),
  );
}

interface TaskLogging {
  readonly EnableLogging?: unknown;
  readonly LogComponents?: readonly { readonly Id?: unknown; readonly Severity?: unknown }[];
}

/**
 * A replication task as `DescribeReplicationTasks` lists it. Its settings are a JSON document; when
 * the listing holds none, or one that does not parse, the logging fields are unread (failed).
 */
export function dmsReplicationTaskAsset(c: Where, t: ReplicationTask): AssetOf<"aws.dms.replication-task"> {
  const id = t.ReplicationTaskIdentifier ?? "";
  const unread = new UnreadFields();
  const config: Partial<AssetOf<"aws.dms.replication-task">["config"]> = { replicationTaskIdentifier: id };
  let logging: TaskLogging | undefined;
  try {
    const settings = JSON.parse(t.ReplicationTaskSettings ?? "") as { Logging?: TaskLogging } | null;
    logging = settings?.Logging ?? {};
  } catch {
    unread.markAs(
      {
        call: "dms:DescribeReplicationTasks",
        kind: "failed",
        code: "UnreadableTaskSettings",
        message: "the task's ReplicationTaskSettings were missing or not JSON",
      },
      "loggingEnabled",
      "logSeverities",
    );
  }
  if (logging) {
    config.loggingEnabled = logging.EnableLogging === true;
    config.logSeverities = Object.fromEntries(
      (logging.LogComponents ?? [])
        .filter((l) => typeof l.Id === "string" && typeof l.Severity === "string")
        .map((l) => [l.Id as string, l.Severity as string]),
    );
  }
  return regionalAsset(
    c,
    "aws.dms.replication-task",
    { arn: t.ReplicationTaskArn ?? `arn:${c.partition}:dms:${c.region}:${c.accountId}:task:${id}`, name: id },
    config,
    unread,
  );
}

/** DMS pages with `Marker` / `MaxRecords` (20..100). */
const PAGE = 100;

export const dmsReplicationInstancesCollector = listedCollector({
  id: "dms-replication-instances",
  type: "aws.dms.replication-instance",
  service: "dms",
  command: "describe-replication-instances",
  pages: (c) => paginateDescribeReplicationInstances({ client: c.clients.dms, pageSize: PAGE }, {}),
  items: (listing) => listing.ReplicationInstances,
  asset: async (c, i) => dmsReplicationInstanceAsset(c, i),
});

export const dmsEndpointsCollector = listedCollector({
  id: "dms-endpoints",
  type: "aws.dms.endpoint",
  service: "dms",
  command: "describe-endpoints",
  pages: (c) => paginateDescribeEndpoints({ client: c.clients.dms, pageSize: PAGE }, {}),
  items: (listing) => listing.Endpoints,
  asset: async (c, e) => dmsEndpointAsset(c, e),
});

export const dmsReplicationTasksCollector = listedCollector({
  id: "dms-replication-tasks",
  type: "aws.dms.replication-task",
  service: "dms",
  command: "describe-replication-tasks",
  pages: (c) =>
    paginateDescribeReplicationTasks({ client: c.clients.dms, pageSize: PAGE }, { WithoutSettings: false }),
  items: (listing) => listing.ReplicationTasks,
  asset: async (c, t) => dmsReplicationTaskAsset(c, t),
});
