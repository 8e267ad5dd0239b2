import {
  DescribeClustersCommand,
  type DescribeClustersResponse,
  DescribeTaskDefinitionCommand,
  type DescribeTaskDefinitionResponse,
  ECSClient,
  paginateListClusters,
  paginateListTaskDefinitionFamilies,
} from "@aws-sdk/client-ecs";
import type { AssetOf } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import { listedCollector, regionalAsset, type Where } from "./listed.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ ecs: ECSClient });

type TaskDefinition = AssetOf<"aws.ecs.task-definition">;
type Cluster = AssetOf<"aws.ecs.cluster">;

/**
 * A task definition family as the latest ACTIVE revision `DescribeTaskDefinition` returns: per
 * container what the checks need (environment variable names, never values).
 */
export function ecsTaskDefinitionAsset(
  c: Where,
  family: string,
  described: RawOutcome<Pick<DescribeTaskDefinitionResponse, "taskDefinition">>,
): TaskDefinition {
  const unread = new UnreadFields();
  const config: Partial<TaskDefinition["config"]> = { family };
  if (!unread.failed(described, "revision", "networkMode", "pidMode", "containers") && described.ok) {
    const t = described.value.taskDefinition;
    config.revision = t?.revision ?? 1;
    config.networkMode = t?.networkMode ?? "bridge";
    config.pidMode = t?.pidMode ?? null;
    config.containers = (t?.containerDefinitions ?? []).map((d) => ({
      name: d.name ?? "",
      privileged: d.privileged === true,
      user: d.user ? d.user : null,
      readonlyRootFilesystem: d.readonlyRootFilesystem === true,
      logging: Boolean(d.logConfiguration?.logDriver),
      environmentNames: (d.environment ?? []).flatMap((e) => (e.name ? [e.name] : [])),
    }));
  }
  const arn = `arn:${c.partition}:ecs:${c.region}:${c.accountId}:task-definition/${family}`;
  return regionalAsset(c, "aws.ecs.task-definition", { arn, name: family }, config, unread);
}

/** A cluster as `DescribeClusters` (with `SETTINGS`) describes it; a cluster it does not return is unread. */
export function ecsClusterAsset(
  c: Where,
  arn: string,
  described: RawOutcome<Pick<DescribeClustersResponse, "clusters" | "failures">>,
): Cluster {
  const name = arn.slice(arn.lastIndexOf("/") + 1);
  const unread = new UnreadFields();
  const config: Partial<Cluster["config"]> = { clusterName: name };
  if (!unread.failed(described, "containerInsights") && described.ok) {
    const cluster = described.value.clusters?.find((k) => k.clusterArn === arn);
    if (cluster) {
      const setting = cluster.settings?.find((s) => s.name === "containerInsights");
      config.containerInsights = setting?.value ?? "disabled";
    } else {
      const failure = described.value.failures?.find((f) => f.arn === arn);
      unread.markAs(
        {
          call: "ecs:DescribeClusters",
          kind: "failed",
          code: failure?.reason ?? "MISSING",
          message: failure?.detail ?? "the cluster was not in the answer",
        },
        "containerInsights",
      );
    }
  }
  return regionalAsset(c, "aws.ecs.cluster", { arn, name }, config, unread);
}

export const ecsTaskDefinitionsCollector = listedCollector({
  id: "ecs-task-definitions",
  type: "aws.ecs.task-definition",
  service: "ecs",
  command: "list-task-definition-families",
  pages: (c) =>
    paginateListTaskDefinitionFamilies({ client: c.clients.ecs, pageSize: 100 }, { status: "ACTIVE" }),
  items: (listing) => listing.families,
  async asset(c, family) {
    const described = await c.read.one(
      { scope: c.region, service: "ecs", command: "describe-task-definition", resource: family },
      () => c.clients.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: family })),
    );
    return ecsTaskDefinitionAsset(c, family, described);
  },
});

export const ecsClustersCollector = listedCollector({
  id: "ecs-clusters",
  type: "aws.ecs.cluster",
  service: "ecs",
  command: "list-clusters",
  pages: (c) => paginateListClusters({ client: c.clients.ecs, pageSize: 100 }, {}),
  items: (listing) => listing.clusterArns,
  async asset(c, arn) {
    const described = await c.read.one(
      {
        scope: c.region,
        service: "ecs",
        command: "describe-clusters",
        resource: arn.slice(arn.lastIndexOf("/") + 1),
      },
      () => c.clients.ecs.send(new DescribeClustersCommand({ clusters: [arn], include: ["SETTINGS"] })),
    );
    return ecsClusterAsset(c, arn, described);
  },
});
